package org.countygrid.platform.web.internal.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** User name and password from an {@code Authorization: Basic ...} header (RFC 7617, UTF-8). */
public record BasicCredentials(String user, String password) {

    private static final String SCHEME = "basic ";

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }

    /** Empty for a missing header, another scheme, or a value that is not base64 of {@code user:password}. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
