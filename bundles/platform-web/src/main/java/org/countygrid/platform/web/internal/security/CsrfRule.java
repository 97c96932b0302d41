package org.countygrid.platform.web.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * When a state-changing request is believed to come from our own console. A browser sends the session
 * cookie with any request, so a cookie-authenticated POST, PUT, PATCH or DELETE must also carry the session's
 * token in {@code X-CSRF-Token}, which another site cannot read. Basic credentials are sent by scripts; a
 * browser that cached them gives itself away with {@code Sec-Fetch-Site}.
 */
public final class CsrfRule {

    public static final String HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private CsrfRule() {
    }

    public static boolean isUnsafe(String method) {
        return method == null || !SAFE.contains(method.toUpperCase(Locale.ROOT));
    }

    public static boolean acceptsSessionRequest(String method, String sessionToken, String presentedToken) {
        if (!isUnsafe(method)) {
            return true;
        }
        if (sessionToken == null || presentedToken == null) {
            return false;
        }
        // constant time, so the token cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(sessionToken.getBytes(StandardCharsets.UTF_8), presentedToken.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean acceptsBasicRequest(String method, String secFetchSite) {
        if (!isUnsafe(method) || secFetchSite == null) {
            return true;
        }
        return "same-origin".equalsIgnoreCase(secFetchSite) || "none".equalsIgnoreCase(secFetchSite);
    }
}
