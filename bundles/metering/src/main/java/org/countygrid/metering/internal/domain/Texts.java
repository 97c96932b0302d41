package org.countygrid.metering.internal.domain;

import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.FreeText;
/** Checks for free text fields; the messages are fixed English phrases the console translates. */
public final class Texts {

    public static final String REQUIRED = "is required";

    private Texts() {
    }

    public static String clean(String value) {
        return value == null ? null : value.strip();
    }

    /** The cleaned value, or null after recording why it is unusable. */
    public static String required(FieldErrors errors, String field, String value, int maxLength) {
        String clean = clean(value);
        if (clean == null || clean.isEmpty()) {
            errors.add(field, REQUIRED);
            return null;
        }
        if (clean.length() > maxLength) {
            errors.add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        String unfit = FreeText.problem(clean);
        if (unfit != null) {
            // a NUL made a required reason empty in effect (and is a 500 on PostgreSQL), an escape sequence reached the
            // terminals of the shell commands that print the field, a line break splits their tables
            errors.add(field, unfit);
            return null;
        }
        return clean;
    }

    /** Like {@link #required} but blank is fine (null). */
    public static String optional(FieldErrors errors, String field, String value, int maxLength) {
        String clean = clean(value);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        return required(errors, field, clean, maxLength);
    }

    /** Throws a 400 on {@code field} unless the text is present and short enough. */
    public static String require(String field, String value, int maxLength) {
        FieldErrors errors = new FieldErrors();
        String clean = required(errors, field, value, maxLength);
        errors.throwIfAny();
        return clean;
    }
}
