package org.countygrid.customers.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.CustomerService;

/**
 * Completes account numbers of the user's office from the digits typed so far: at least two, and one search
 * page of candidates, so a tab in a county of 200,000 accounts stays instant.
 */
@Service
public class AccountNumberCompleter implements Completer {

    static final int MIN_PREFIX = 2;

    @Reference
    CustomerService customers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument() == null ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
        if (typed.length() < MIN_PREFIX || !typed.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        StringsCompleter numbers = new StringsCompleter();
        try {
            customers.searchAccounts(CustomerCommand.currentCaller(), typed, 0, 0).items().stream()
                    .map(AccountView::number).filter(n -> n.startsWith(typed)).forEach(numbers.getStrings()::add);
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return numbers.complete(session, commandLine, candidates);
    }
}
