package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.security.Caller;

@Service
@Command(scope = "customers", name = "account-open", description = "Opens an account (立户) in the office")
public class AccountOpenCommand extends CustomerCommand {

    @Argument(index = 0, name = "number", required = true, description = "The new 10-digit account number")
    String number;

    @Argument(index = 1, name = "name", required = true, description = "Customer name")
    String name;

    @Option(name = "--address", required = true, description = "Premise address")
    String address;

    @Option(name = "--area", required = true, description = "Transformer area code of the premise")
    @Completion(AreaCodeCompleter.class)
    String area;

    @Option(name = "--phone", required = true, description = "Mobile (13812345678) or landline (0571-88888888)")
    String phone;

    @Option(name = "--category", description = "RESIDENTIAL (default), COMMERCIAL, INDUSTRIAL or AGRICULTURAL")
    @Completion(value = StringsCompleter.class, values = { "RESIDENTIAL", "COMMERCIAL", "INDUSTRIAL", "AGRICULTURAL" })
    String category = "RESIDENTIAL";

    @Option(name = "--voltage", description = "V220 (default), V380, KV10, KV35 or KV110")
    @Completion(value = StringsCompleter.class, values = { "V220", "V380", "KV10", "KV35", "KV110" })
    String voltage = "V220";

    @Option(name = "--important", description = "NONE (default), SPECIAL, FIRST, SECOND or TEMPORARY")
    @Completion(value = StringsCompleter.class, values = { "NONE", "SPECIAL", "FIRST", "SECOND", "TEMPORARY" })
    String important = "NONE";

    @Override
    void run(Caller caller) {
        AccountView opened = customers.openAccount(caller, new NewAccount(number, name, address, phone,
                Choices.of(Category.class, "--category", category), Choices.of(VoltageLevel.class, "--voltage", voltage),
                Choices.of(ImportantUserClass.class, "--important", important), area));
        System.out.println("Opened " + opened.number() + " " + opened.name() + " on " + opened.areaName());
    }
}
