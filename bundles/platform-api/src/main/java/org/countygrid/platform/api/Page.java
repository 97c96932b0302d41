package org.countygrid.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a search result. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, offset, limit);
    }

    /** The largest offset a page may start at: ten million rows, far more than an office holds of anything. */
    public static final int MAX_OFFSET = 10_000_000;

    /** Validates paging parameters from any channel (REST, shell). */
    public static void checkRange(int offset, int limit) {
        if (offset < 0 || offset > MAX_OFFSET) {
            // far beyond any office's data; and offset + limit must stay an int where the database layer adds them
            throw new ValidationException("offset", "must be between 0 and " + MAX_OFFSET);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * A page's offset as a client wrote it (a query parameter, a shell option): none is 0. Parsed here, in words a
     * client reads, because JAX-RS answers a non-number in an int parameter with a bare 404 and Karaf's shell with
     * "unable to convert … to type java.lang.Integer".
     */
    public static int requestedOffset(String text) {
        return whole("offset", text);
    }

    /**
     * A page size as a client wrote it: none is 0, which the services take for their configured default; a given
     * one must be at least 1 ({@code limit=0} asks for nothing, it is not the default).
     */
    public static int requestedLimit(String text) {
        int limit = whole("limit", text);
        if (limit < 1 && text != null && !text.isBlank()) {
            throw new ValidationException("limit", "must be at least 1");
        }
        return limit;
    }

    private static int whole(String name, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String given = text.strip();
        try {
            return Integer.parseInt(given);
        } catch (NumberFormatException e) {
            // a whole number too large for a page is said so, not called "not a number"
            throw new ValidationException(name, given.matches("[+-]?\\d+") ? "must be at most " + Integer.MAX_VALUE
                    : "must be a whole number");
        }
    }
}
