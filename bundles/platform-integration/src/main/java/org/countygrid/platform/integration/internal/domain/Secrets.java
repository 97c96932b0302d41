package org.countygrid.platform.integration.internal.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of credentials in the messages the node shows and keeps about routes: a route's last error, a
 * held subscriber's error (stored in the database) and a route file's load error go to auditors, the Routes panel and
 * the log, and Camel repeats an endpoint's options in some of its messages — a bank route's
 * {@code password=…} unmasked in "Unknown parameters=[{…}]" (a probe, 2026-11-28), although Camel masks it in the URI
 * of the same message.
 */
public final class Secrets {

    static final String MASK = "xxxxxx";

    /**
     * A credential-like key (also inside a longer name: trustStorePassword, clientSecret, accessToken …), then = or :,
     * then its value up to a blank, a comma, a semicolon, a closing bracket or a quote — an ampersand does not end it,
     * since Camel's "Unknown parameters=[{…}]" shows a RAW(…) password without RAW, ampersands included; a query's
     * next parameter may be masked with it, which hides nothing that matters.
     */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b([\\w.-]*?(?:password|passwd|passphrase|pwd|pass"
            + "|secret|secretKey|accessKey|privateKey|apiKey|token|credentials?|authorization|saslJaasConfig))"
            + "(\\s*[=:]\\s*(?:(?:Basic|Bearer|Digest)\\s+)?)(RAW\\([^)]*\\)|\"[^\"]*\"|'[^']*'|[^\\s,;}\\])\"']+)");
    /** The password of a URL's user information: scheme://user:password@host. */
    private static final Pattern USER_INFO = Pattern.compile("(\\w://[^/\\s:@]+:)[^@\\s/]+@");

    private Secrets() {
    }

    /** The message with every {@code key=value} (or {@code key: value}) of a credential-like key masked. */
    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String masked = CREDENTIAL.matcher(message).replaceAll(m -> m.group(3).equals(MASK) ? m.group() :
                Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }
}
