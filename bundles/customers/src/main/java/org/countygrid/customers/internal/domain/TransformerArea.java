package org.countygrid.customers.internal.domain;

/** A transformer area (台区): the low-voltage network behind one distribution transformer of a station. */
public record TransformerArea(String code, String name, String stationCode, int capacityKva) {

    /** Distribution transformers of a 台区 stop well below this; more is a typing mistake. */
    static final int MAX_CAPACITY_KVA = 10_000;

    public TransformerArea {
        code = Texts.clean(code);
        name = Texts.clean(name);
        stationCode = Texts.clean(stationCode);
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
