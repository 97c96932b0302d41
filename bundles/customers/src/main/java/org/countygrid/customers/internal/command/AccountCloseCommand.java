package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.AccountView;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.security.Caller;

@Service
@Command(scope = "customers", name = "account-close", description = "Closes an account (销户); its data stays")
public class AccountCloseCommand extends CustomerCommand {

    @Argument(index = 0, name = "number", required = true, description = "The 10-digit account number")
    @Completion(AccountNumberCompleter.class)
    String number;

    @Option(name = "--reason", required = true, description = "Why the account is closed")
    String reason;

    @Override
    void run(Caller caller) {
        AccountView closed = customers.closeAccount(caller, AccountNumber.of(number), reason);
        System.out.println("Closed " + closed.number() + " " + closed.name() + ": " + closed.closeReason());
    }
}
