package org.countygrid.customers.internal.domain;

import java.util.regex.Pattern;

import org.countygrid.customers.NewStation;
import org.countygrid.platform.api.FieldErrors;

/** A supply station (供电所) of the office. */
public record Station(String code, String name) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    static final String BAD_CODE = "must be 1-20 upper-case letters, digits or '-'";
    /*
     * A station added by hand gets the short code staff type and read on every screen (CG, QSH); the looser
     * CODE above stays for imports, which carry whatever the old system used.
     */
    static final Pattern NEW_CODE = Pattern.compile("[A-Z0-9]{2,8}");
    static final String BAD_NEW_CODE = "must be 2-8 upper-case letters or digits";
    static final String TAKEN = "is already used in this office";
    static final int MAX_NAME = 60;

    public Station {
        code = Texts.clean(code);
        name = Texts.clean(name);
    }

    /** A new station once every field is valid and the code is free in the office; all bad fields at once. */
    public static Station add(NewStation command, StationRecords records) {
        Station station = new Station(command.code(), command.name());
        FieldErrors errors = new FieldErrors();
        if (station.code == null || station.code.isEmpty()) {
            errors.add("code", Texts.REQUIRED);
        } else if (!NEW_CODE.matcher(station.code).matches()) {
            errors.add("code", BAD_NEW_CODE);
        } else if (records.stationExists(station.code)) {
            errors.add("code", TAKEN);
        }
        Texts.check(errors, "name", station.name, MAX_NAME);
        errors.throwIfAny();
        return station;
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
