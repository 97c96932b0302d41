package org.countygrid.customers.internal.domain;

import java.util.regex.Pattern;

/** A supply station (供电所) of the office. */
public record Station(String code, String name) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    static final String BAD_CODE = "must be 1-20 upper-case letters, digits or '-'";
    static final int MAX_NAME = 60;

    public Station {
        code = Texts.clean(code);
        name = Texts.clean(name);
    }

    void check(FieldErrors errors) {
        checkCode(errors, "code", code);
        Texts.check(errors, "name", name, MAX_NAME);
    }

    static void checkCode(FieldErrors errors, String field, String code) {
        if (code == null || code.isEmpty()) {
            errors.add(field, Texts.REQUIRED);
        } else if (!CODE.matcher(code).matches()) {
            errors.add(field, BAD_CODE);
        }
    }
}
