package org.countygrid.platform.api;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${name}} in configured paths against system properties, e.g. {@code ${karaf.etc}/hazelcast.xml}
 * or {@code ${karaf.base}/routes}. Shared so every module reads placeholders in its configuration the same way.
 */
public final class SystemPropertyPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private SystemPropertyPlaceholders() {
    }

    public static String resolve(String template) {
        return resolve(template, System::getProperty);
    }

    /** An unknown name is an error: a silently wrong folder would watch nothing and say nothing. */
    public static String resolve(String template, UnaryOperator<String> lookup) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = lookup.apply(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown property ${" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
