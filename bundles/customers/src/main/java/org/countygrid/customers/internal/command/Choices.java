package org.countygrid.customers.internal.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses an option into an enum constant, naming the allowed values when it does not match. */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E of(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new IllegalArgumentException(option + " must be one of " + allowed + ", got: " + value);
        }
    }
}
