package org.countygrid.customers.internal.domain;

import org.countygrid.platform.api.FieldErrors;
/** Where the power is used (用电地址): the street address and the transformer area (台区) that feeds it. */
public record Premise(String address, String areaCode) {

    static final int MAX_ADDRESS = 200;

    public Premise {
        address = Texts.clean(address);
        areaCode = Texts.clean(areaCode);
    }

    void check(FieldErrors errors, OfficeRecords records) {
        Texts.check(errors, "address", address, MAX_ADDRESS);
        if (areaCode == null || areaCode.isEmpty()) {
            errors.add("areaCode", Texts.REQUIRED);
        } else if (!records.areaExists(areaCode)) {
            errors.add("areaCode", "is not a transformer area of this office");
        }
    }
}
