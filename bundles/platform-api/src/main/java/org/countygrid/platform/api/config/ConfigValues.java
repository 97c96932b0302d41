package org.countygrid.platform.api.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A module's configuration as its components read it, where a value county IT set that cannot be read (a
 * {@code pageDefaultLimit = xyz}) or that breaks the setting's rule (a limit of 0, a negative spike factor) is not
 * used: the setting's default is, and one WARN line says which setting, why and what is used instead. Before, the
 * first made Declarative Services fail the component (the whole module's REST API gone, at once or at the next
 * restart) and the second was taken silently. Wraps the configuration type's instance that Declarative Services made.
 */
public final class ConfigValues {

    /** A setting's rule: what a value must be, in words for the log ("a whole number from 1 to 500"). */
    public record Rule(String says, Predicate<Object> test) {
    }

    /** The same warning is not repeated within this time (several components of a module read one configuration). */
    static final Duration SAID_ONCE = Duration.ofSeconds(30);
    private static final Map<String, Instant> SAID = new ConcurrentHashMap<>();

    private ConfigValues() {
    }

    public static Rule between(long min, long max) {
        return new Rule("a whole number from " + min + " to " + max,
                v -> v instanceof Number n && n.longValue() >= min && n.longValue() <= max);
    }

    public static Rule between(double min, double max) {
        return new Rule("a number from " + min + " to " + max,
                v -> v instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max);
    }

    /** Text of 1 to {@code max} characters, not blank, without control characters (as a code typed in a form). */
    public static Rule text(int max) {
        return new Rule("1 to " + max + " characters without control characters", v -> v instanceof String s
                && !s.isBlank() && s.strip().length() <= max && org.countygrid.platform.api.FreeText.problem(s) == null);
    }

    /**
     * {@code given} with each setting checked when read: a value that cannot be converted to the setting's type, or
     * that breaks its rule in {@code rules} (by method name), gives the setting's default, and {@code warn} is told.
     */
    public static <A> A checked(Class<A> type, A given, Map<String, Rule> rules, Consumer<String> warn) {
        return checked(type, given, Map.of(), rules, warn);
    }

    /**
     * As {@link #checked(Class, Object, Map, Consumer)}, and a true-or-false setting given as text other than
     * {@code true} or {@code false} ({@code secureCookie = ture}), which Declarative Services reads as false without
     * a word, gives the default with a warning too; {@code properties} are the component's, as configured.
     */
    @SuppressWarnings("unchecked")
    public static <A> A checked(Class<A> type, A given, Map<String, ?> properties, Map<String, Rule> rules,
            Consumer<String> warn) {
        Objects.requireNonNull(type);
        Objects.requireNonNull(given);
        InvocationHandler handler = (proxy, method, args) -> {
            method.setAccessible(true); // a module's configuration type is package-private in its internal package
            if (method.getDeclaringClass() == Object.class || method.getDefaultValue() == null || args != null) {
                try {
                    return method.invoke(given, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            Object fallback = method.getDefaultValue();
            Object raw = properties.get(method.getName());
            if (method.getReturnType() == boolean.class && raw instanceof String text
                    && !text.strip().equalsIgnoreCase("true") && !text.strip().equalsIgnoreCase("false")) {
                say(warn, type, method, "is " + shown(text) + ", but must be true or false", fallback);
                return fallback;
            }
            Object value;
            try {
                value = method.invoke(given);
            } catch (InvocationTargetException e) {
                say(warn, type, method, "cannot be read as " + kind(method.getReturnType()) + " (" + reason(e.getCause())
                        + ")", fallback);
                return fallback;
            }
            Rule rule = rules.get(method.getName());
            if (rule != null && !rule.test().test(value)) {
                say(warn, type, method, "is " + shown(value) + ", but must be " + rule.says(), fallback);
                return fallback;
            }
            return value;
        };
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
    }

    private static void say(Consumer<String> warn, Class<?> type, Method method, String problem, Object fallback) {
        String line = "Configuration " + type.getSimpleName() + ": " + method.getName() + " " + problem
                + "; its default " + shown(fallback) + " is used until it is corrected";
        Instant now = Instant.now();
        Instant before = SAID.put(line, now);
        if (before == null || Duration.between(before, now).compareTo(SAID_ONCE) > 0) {
            warn.accept(line);
        }
        if (SAID.size() > 1_000) {
            SAID.clear();
        }
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        return type.getSimpleName();
    }

    private static String reason(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause == null ? "unknown" : cause.getClass().getSimpleName();
        }
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }

    private static String shown(Object value) {
        if (value instanceof String s) {
            String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
            return "'" + cut.replaceAll("[\\p{Cc}]", "?") + "'";
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.toString(array);
        }
        return String.valueOf(value);
    }
}
