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

    /** Validates paging parameters from any channel (REST, shell). */
    /** The largest offset a page may start at: ten million rows, far more than an office holds of anything. */
    public static final int MAX_OFFSET = 10_000_000;

    public static void checkRange(int offset, int limit) {
        if (offset < 0 || offset > MAX_OFFSET) {
            // far beyond any office's data; and offset + limit must stay an int where the database layer adds them
            throw new ValidationException("offset", "must be between 0 and " + MAX_OFFSET);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
