package org.countygrid.customers.internal.rest;

import org.countygrid.platform.api.ValidationException;

/**
 * Query parameters arrive as text and are parsed here: JAX-RS would answer a non-number in an {@code int}
 * parameter with a bare 404, which tells the client nothing. The shell's paging options too, whose own conversion
 * would say "to type java.lang.Integer".
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int intValue(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    /**
     * A page size: absent means the configured default (0 to the service); a given one must be at least 1, so that
     * {@code limit=0} is refused instead of answered with a default page.
     */
    public static int limit(String value) {
        int limit = intValue("limit", value, 0);
        if (limit < 1 && value != null && !value.isBlank()) {
            throw new ValidationException("limit", "must be at least 1");
        }
        return limit;
    }
}
