package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.AccountView;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "customers", name = "account-list", description = "Searches the office's accounts by number, name, phone or address")
public class AccountListCommand extends CustomerCommand {

    @Option(name = "-q", aliases = "--query", description = "Number or phone prefix, or part of name or address")
    String query;

    @Option(name = "--limit", description = "Accounts to show (default: the configured page size)")
    String limit;

    @Option(name = "--offset", description = "Accounts to skip")
    String offset;

    @Override
    void run(Caller caller) {
        Page<AccountView> page = customers.searchAccounts(caller, query, Page.requestedOffset(offset),
                Page.requestedLimit(limit));
        TextTable table = new TextTable();
        table.column("Number");
        table.column("Name").maxSize(30);
        table.column("Phone");
        table.column("Category");
        table.column("Status");
        table.column("Address").maxSize(40);
        for (AccountView a : page.items()) {
            table.addRow().addContent(a.number(), a.name(), a.phone(), a.category(), a.status(), a.address());
        }
        table.print(System.out);
        if (page.items().isEmpty()) {
            System.out.printf("none of %d%s%n", page.total(), page.offset() > 0 && page.total() > 0 ? " (the offset is past the last)" : "");
        } else {
            System.out.printf("%d-%d of %d%n", page.offset() + 1, page.offset() + page.items().size(), page.total());
        }
    }
}
