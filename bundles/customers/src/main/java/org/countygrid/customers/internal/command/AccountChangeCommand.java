package org.countygrid.customers.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.customers.AccountChange;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;

/**
 * Changes the given fields of an open account and keeps the others, against the version it read: an account changed
 * by someone else in between is refused (409), not overwritten.
 */
@Service
@Command(scope = "customers", name = "account-change", description = "Changes an open account (更名、改地址、改电话、改类别…); fields not given stay")
public class AccountChangeCommand extends CustomerCommand {

    @Argument(index = 0, name = "number", required = true, description = "The 10-digit account number")
    @Completion(AccountNumberCompleter.class)
    String number;

    @Option(name = "--name", description = "Customer name")
    String name;

    @Option(name = "--address", description = "Premise address")
    String address;

    @Option(name = "--phone", description = "Mobile (13812345678) or landline (0571-88888888)")
    String phone;

    @Option(name = "--area", description = "Transformer area code of the premise")
    @Completion(AreaCodeCompleter.class)
    String area;

    @Option(name = "--category", description = "RESIDENTIAL, COMMERCIAL, INDUSTRIAL or AGRICULTURAL")
    @Completion(value = StringsCompleter.class, values = { "RESIDENTIAL", "COMMERCIAL", "INDUSTRIAL", "AGRICULTURAL" })
    String category;

    @Option(name = "--voltage", description = "V220, V380, KV10, KV35 or KV110")
    @Completion(value = StringsCompleter.class, values = { "V220", "V380", "KV10", "KV35", "KV110" })
    String voltage;

    @Option(name = "--important", description = "NONE, SPECIAL, FIRST, SECOND or TEMPORARY")
    @Completion(value = StringsCompleter.class, values = { "NONE", "SPECIAL", "FIRST", "SECOND", "TEMPORARY" })
    String important;

    @Override
    void run(Caller caller) {
        if (name == null && address == null && phone == null && area == null && category == null && voltage == null
                && important == null) {
            throw new ValidationException("options", "give at least one of --name, --address, --phone, --area, --category,"
                    + " --voltage, --important; nothing changed");
        }
        AccountNumber account = AccountNumber.of(number);
        AccountView before = customers.account(caller, account);
        AccountChange now = AccountChange.of(before);
        AccountChange change = new AccountChange(or(name, now.name()), or(address, now.address()), or(phone, now.phone()),
                category == null ? now.category() : Choices.of(Category.class, "--category", category),
                voltage == null ? now.voltageLevel() : Choices.of(VoltageLevel.class, "--voltage", voltage),
                important == null ? now.importantClass() : Choices.of(ImportantUserClass.class, "--important", important),
                or(area, now.areaCode()));
        AccountView after = customers.changeAccount(caller, account, change, OptionalLong.of(before.version()));
        List<String> changed = new ArrayList<>();
        note(changed, "name", before.name(), after.name());
        note(changed, "address", before.address(), after.address());
        note(changed, "phone", before.phone(), after.phone());
        note(changed, "area", before.areaCode(), after.areaCode());
        note(changed, "category", before.category(), after.category());
        note(changed, "voltage", before.voltageLevel(), after.voltageLevel());
        note(changed, "important", before.importantClass(), after.importantClass());
        System.out.println(changed.isEmpty() ? "Account " + after.number() + " already had these values; nothing changed"
                : "Changed " + after.number() + " " + after.name() + ": " + String.join("; ", changed));
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    private static void note(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + " " + before + " → " + after);
        }
    }
}
