package org.countygrid.customers.internal.rest;

import java.util.OptionalLong;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.VoltageLevel;

/** Body of {@code PUT /customers/accounts/{number}}: the form's fields and the version the form was loaded at. */
public record AccountUpdate(String name, String address, String phone, Category category,
        VoltageLevel voltageLevel, ImportantUserClass importantClass, String areaCode, Long version) {

    AccountChange toChange() {
        return new AccountChange(name, address, phone, category, voltageLevel, importantClass, areaCode);
    }

    OptionalLong expectedVersion() {
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }
}
