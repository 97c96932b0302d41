package org.countygrid.customers.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.StationView;

/** Completes the supply station codes of the user's office: tens at most, so all of them are offered. */
@Service
public class StationCodeCompleter implements Completer {

    @Reference
    CustomerService customers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        try {
            customers.stations(CustomerCommand.currentCaller()).stream().map(StationView::code)
                    .forEach(codes.getStrings()::add);
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return codes.complete(session, commandLine, candidates);
    }
}
