package org.countygrid.customers.internal.rest;

import java.util.OptionalLong;

import org.countygrid.platform.api.ValidationException;

/** Reads the account version a client sends back in {@code If-Match}: {@code "3"}, {@code W/"3"}, {@code 3} or {@code *}. */
final class Versions {

    private Versions() {
    }

    static OptionalLong fromIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new ValidationException("If-Match", "must be the ETag of the account, e.g. \"3\"");
        }
    }
}
