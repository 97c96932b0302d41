package org.countygrid.customers.internal.rest;

import org.countygrid.platform.api.ValidationException;

/**
 * Query parameters arrive as text and are parsed here: JAX-RS would answer a non-number in an {@code int}
 * parameter with a bare 404, which tells the client nothing.
 */
final class QueryParams {

    private QueryParams() {
    }

    static int intValue(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }
}
