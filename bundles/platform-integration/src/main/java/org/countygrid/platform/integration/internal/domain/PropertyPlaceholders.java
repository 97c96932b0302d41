package org.countygrid.platform.integration.internal.domain;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves {@code ${name}} in configured paths, e.g. {@code ${karaf.base}/routes}, against system properties. */
public final class PropertyPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private PropertyPlaceholders() {
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
