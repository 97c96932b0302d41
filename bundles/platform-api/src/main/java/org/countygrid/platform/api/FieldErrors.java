package org.countygrid.platform.api;

import java.util.ArrayList;
import java.util.List;

import org.countygrid.platform.api.ValidationException.FieldError;

/**
 * Collects every bad field of one request (or every bad line of a file), so the caller sees all its mistakes at
 * once instead of one per round trip, then throws them as one {@link ValidationException}. Field names are the
 * JSON property names of the request, or paths such as {@code accounts[3].phone} or {@code line 7.barcode}.
 */
public final class FieldErrors {

    /** A bulk import with 200,000 bad rows must not build a 200,000-line answer. */
    public static final int MAX_ERRORS = 50;

    private final List<FieldError> errors;
    private final String prefix;

    public FieldErrors() {
        this(new ArrayList<>(), "");
    }

    private FieldErrors(List<FieldError> errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

    /** A view on the same errors whose field names start with {@code path.}, e.g. {@code accounts[3].phone}. */
    public FieldErrors nested(String path) {
        return new FieldErrors(errors, prefix + path + ".");
    }

    public void add(String field, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new FieldError(prefix + field, message));
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(List.copyOf(errors));
        }
    }
}
