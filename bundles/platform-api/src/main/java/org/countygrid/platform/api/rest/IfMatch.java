package org.countygrid.platform.api.rest;

import java.util.OptionalLong;

import org.countygrid.platform.api.ValidationException;

/**
 * Reads the version a client sends back in {@code If-Match}, as the resource's {@code ETag} or its view's
 * {@code version} gave it: {@code "3"}, {@code W/"3"} or {@code 3}; empty for no header or {@code *} (no check).
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static OptionalLong version(String header) {
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
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException("no version is negative");
            }
            return OptionalLong.of(version);
        } catch (NumberFormatException e) {
            throw new ValidationException("If-Match", "must be the version the resource was read with, e.g. \"3\"");
        }
    }

    /**
     * A version sent in a request's body under {@code field}, or empty when none was sent; a negative one is a 400 (it
     * was a 409 "changed meanwhile", which sent the clerk to reload a page that was not stale).
     */
    public static OptionalLong version(String field, Long version) {
        if (version == null) {
            return OptionalLong.empty();
        }
        if (version < 0) {
            throw new ValidationException(field, "must be the version the resource was read with, 0 or more");
        }
        return OptionalLong.of(version);
    }
}
