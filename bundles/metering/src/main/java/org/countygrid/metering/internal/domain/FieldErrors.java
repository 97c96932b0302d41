package org.countygrid.metering.internal.domain;

import java.util.ArrayList;
import java.util.List;

import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.ValidationException.FieldError;

/**
 * Collects every bad field of one request (or every bad line of a delivery file), so the caller sees all its
 * mistakes at once. Field names are JSON property names, or {@code line <n>.<column>} for a file.
 */
public final class FieldErrors {

    /** A delivery file of 10,000 bad lines must not build a 10,000-entry answer. */
    static final int MAX_ERRORS = 50;

    private final List<FieldError> errors;
    private final String prefix;

    public FieldErrors() {
        this(new ArrayList<>(), "");
    }

    private FieldErrors(List<FieldError> errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

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
