package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.api.OfficeTime;
import org.countygrid.customers.AccountView;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "customers", name = "account-show", description = "Shows one account of the office")
public class AccountShowCommand extends CustomerCommand {

    @Argument(index = 0, name = "number", required = true, description = "The 10-digit account number (户号)")
    @Completion(AccountNumberCompleter.class)
    String number;

    @Override
    void run(Caller caller) {
        AccountView a = customers.account(caller, AccountNumber.of(number));
        TextTable table = new TextTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(60).wrap(); // a long address or close reason on more lines, never cut
        row(table, "Number", a.number());
        row(table, "Name", a.name());
        row(table, "Phone", a.phone());
        row(table, "Address", a.address());
        row(table, "Area", a.areaCode() + " " + a.areaName());
        row(table, "Station", a.stationCode() + " " + a.stationName());
        row(table, "Category", a.category());
        row(table, "Voltage", a.voltageLevel().label());
        row(table, "Important", a.importantClass());
        row(table, "Status", a.status());
        row(table, OfficeTime.label("Opened"), OfficeTime.format(a.openedAt()));
        if (a.closedAt() != null) {
            row(table, OfficeTime.label("Closed"), OfficeTime.format(a.closedAt()) + " (" + a.closeReason() + ")");
        }
        row(table, "Version", a.version());
        table.print(System.out);
    }

    private static void row(TextTable table, String field, Object value) {
        table.addRow().addContent(field, value);
    }
}
