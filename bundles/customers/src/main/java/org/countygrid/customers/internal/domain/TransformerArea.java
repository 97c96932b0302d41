package org.countygrid.customers.internal.domain;

import java.util.regex.Pattern;

import org.countygrid.customers.NewArea;
import org.countygrid.platform.api.FieldErrors;

/** A transformer area (台区): the low-voltage network behind one distribution transformer of a station. */
public record TransformerArea(String code, String name, String stationCode, int capacityKva) {

    /** Distribution transformers of a 台区 stop well below this; more in an import is a typing mistake. */
    static final int MAX_CAPACITY_KVA = 10_000;
    /**
     * The limit specified for areas added one by one. It is wider than an import's; the two stay apart so that
     * adding this path changed nothing for imports.
     */
    static final int MAX_NEW_CAPACITY_KVA = 100_000;
    /** Like the demo county's CG-T001; the first character is no '-', so a shell never reads a code as an option. */
    static final Pattern NEW_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,15}");
    static final String BAD_NEW_CODE = "must be 2-16 upper-case letters, digits or '-', not starting with '-'";

    public TransformerArea {
        code = Texts.clean(code);
        name = Texts.clean(name);
        stationCode = Texts.clean(stationCode);
    }

    /**
     * A new area of the stored station {@code stationCode} once every field is valid and the code is free in
     * the office (area codes are unique across all its stations); all bad fields at once.
     */
    public static TransformerArea add(String stationCode, NewArea command, StationRecords records) {
        Integer capacity = command.capacityKva();
        TransformerArea area = new TransformerArea(command.code(), command.name(), stationCode,
                capacity == null ? 0 : capacity);
        FieldErrors errors = new FieldErrors();
        if (area.code == null || area.code.isEmpty()) {
            errors.add("code", Texts.REQUIRED);
        } else if (!NEW_CODE.matcher(area.code).matches()) {
            errors.add("code", BAD_NEW_CODE);
        } else if (records.areaExists(area.code)) {
            errors.add("code", Station.TAKEN);
        }
        Texts.check(errors, "name", area.name, Station.MAX_NAME);
        if (capacity == null) {
            errors.add("capacityKva", Texts.REQUIRED);
        } else if (capacity < 1 || capacity > MAX_NEW_CAPACITY_KVA) {
            errors.add("capacityKva", "must be between 1 and " + MAX_NEW_CAPACITY_KVA);
        }
        errors.throwIfAny();
        return area;
    }

    void check(FieldErrors errors) {
        Station.checkCode(errors, "code", code);
        Texts.check(errors, "name", name, Station.MAX_NAME);
        Station.checkCode(errors, "stationCode", stationCode);
        if (capacityKva < 1 || capacityKva > MAX_CAPACITY_KVA) {
            errors.add("capacityKva", "must be between 1 and " + MAX_CAPACITY_KVA);
        }
    }
}
