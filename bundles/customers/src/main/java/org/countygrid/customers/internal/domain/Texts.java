package org.countygrid.customers.internal.domain;

import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.FreeText;
/**
 * Checks for free text fields. The messages are short fixed English phrases: the console panel translates
 * exactly these, so change them together with {@code console/customers/messages.js}.
 */
public final class Texts {

    static final String REQUIRED = "is required";

    private Texts() {
    }

    /** Trims; {@code null} stays {@code null} so that "required" is reported once, by {@link #check}. */
    static String clean(String value) {
        return value == null ? null : value.strip();
    }

    static void check(FieldErrors errors, String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            errors.add(field, REQUIRED);
        } else if (value.length() > maxLength) {
            errors.add(field, "must be at most " + maxLength + " characters");
        } else if (FreeText.problem(value) != null) { // a control character (a NUL, a line break) or a broken one
            errors.add(field, FreeText.problem(value));
        }
    }

    static void require(FieldErrors errors, String field, Object value) {
        if (value == null) {
            errors.add(field, REQUIRED);
        }
    }
}
