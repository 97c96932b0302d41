package org.countygrid.platform.web.internal.rest;

import javax.servlet.http.HttpServletRequest;

/**
 * The {@code CG_SESSION} cookie: HttpOnly (scripts never see the id), SameSite=Strict (no other site's page
 * can make the browser send it), Path=/ (the console and /api), and Secure whenever the request came over HTTPS
 * or the configuration says so. Written by hand because JAX-RS 2.1 knows no SameSite.
 */
public final class SessionCookie {

    public static final String NAME = "CG_SESSION";

    private final boolean alwaysSecure;

    public SessionCookie(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    public String issue(String sessionId, HttpServletRequest request) {
        return NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict" + secure(request);
    }

    public String expire(HttpServletRequest request) {
        return NAME + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict" + secure(request);
    }

    private String secure(HttpServletRequest request) {
        boolean https = request != null && (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
        return alwaysSecure || https ? "; Secure" : "";
    }
}
