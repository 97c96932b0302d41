package org.countygrid.platform.api;

import java.util.regex.Pattern;

/**
 * The tenant: a county power supply office, e.g. {@code QS} for the demo county. Every row carries one and
 * every query is scoped to the caller's.
 */
public record OfficeCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2,12}");

    public OfficeCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("office", "office code must be 2-12 upper-case letters or digits, got: " + value);
        }
    }

    public static OfficeCode of(String value) {
        return new OfficeCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
