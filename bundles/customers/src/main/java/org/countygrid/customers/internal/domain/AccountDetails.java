package org.countygrid.customers.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.customers.event.AccountChanged.FieldChange;
import org.countygrid.platform.api.FieldErrors;

/** The changeable part of an account: who, how to reach them, where, and how they are supplied. */
public record AccountDetails(String name, String phone, Premise premise, Category category,
        VoltageLevel voltageLevel, ImportantUserClass importantClass) {

    static final int MAX_NAME = 60;

    public AccountDetails {
        name = Texts.clean(name);
        phone = Texts.clean(phone);
        importantClass = importantClass == null ? ImportantUserClass.NONE : importantClass;
    }

    public static AccountDetails of(NewAccount a) {
        return new AccountDetails(a.name(), a.phone(), new Premise(a.address(), a.areaCode()), a.category(),
                a.voltageLevel(), a.importantClass());
    }

    public static AccountDetails of(AccountChange c) {
        return new AccountDetails(c.name(), c.phone(), new Premise(c.address(), c.areaCode()), c.category(),
                c.voltageLevel(), c.importantClass());
    }

    void check(FieldErrors errors, OfficeRecords records) {
        Texts.check(errors, "name", name, MAX_NAME);
        PhoneNumber.check(errors, "phone", phone);
        premise.check(errors, records);
        Texts.require(errors, "category", category);
        Texts.require(errors, "voltageLevel", voltageLevel);
        if (category == Category.RESIDENTIAL && voltageLevel != null
                && voltageLevel != VoltageLevel.V220 && voltageLevel != VoltageLevel.V380) {
            // households are supplied from the low-voltage network; anything higher is a data entry mistake
            errors.add("voltageLevel", "a residential account is supplied at 220V or 380V");
        }
    }

    /** The fields that differ from {@code before}, named as in the JSON of an account. */
    List<FieldChange> changesSince(AccountDetails before) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "name", before.name, name);
        compare(changes, "phone", before.phone, phone);
        compare(changes, "address", before.premise.address(), premise.address());
        compare(changes, "areaCode", before.premise.areaCode(), premise.areaCode());
        compare(changes, "category", before.category, category);
        compare(changes, "voltageLevel", before.voltageLevel, voltageLevel);
        compare(changes, "importantClass", before.importantClass, importantClass);
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, Objects.toString(before, null), Objects.toString(after, null)));
        }
    }
}
