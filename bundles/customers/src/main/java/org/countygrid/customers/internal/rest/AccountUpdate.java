package org.countygrid.customers.internal.rest;

import java.util.OptionalLong;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.ValidationException;

/**
 * Body of {@code PUT /customers/accounts/{number}}: the form's fields and the version the form was loaded at. A change
 * states every field, the important user class too: a client that leaves it out is refused rather than taken to mean
 * NONE, which would silently clear the class of a hospital or a water works (and with it their repair priority).
 */
public record AccountUpdate(String name, String address, String phone, Category category,
        VoltageLevel voltageLevel, ImportantUserClass importantClass, String areaCode, Long version) {

    public AccountChange toChange() {
        if (importantClass == null) {
            throw new ValidationException("importantClass", "is required (NONE for an account that is no important user)");
        }
        return new AccountChange(name, address, phone, category, voltageLevel, importantClass, areaCode);
    }

    OptionalLong expectedVersion() {
        return org.countygrid.platform.api.rest.IfMatch.version("version", version);
    }
}
