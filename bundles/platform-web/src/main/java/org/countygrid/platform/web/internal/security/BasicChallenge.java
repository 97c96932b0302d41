package org.countygrid.platform.web.internal.security;

/**
 * Whether a 401 carries {@code WWW-Authenticate: Basic}. Scripts and API clients need the challenge; a browser
 * would answer it with its own login dialog, so requests from the console (marked with
 * {@code X-Requested-With}) or carrying a session cookie never get it.
 */
public final class BasicChallenge {

    public static final String HEADER_VALUE = "Basic realm=\"CountyGrid\", charset=\"UTF-8\"";

    private BasicChallenge() {
    }

    public static boolean wanted(String requestedWith, boolean hasSessionCookie) {
        return (requestedWith == null || requestedWith.isBlank()) && !hasSessionCookie;
    }
}
