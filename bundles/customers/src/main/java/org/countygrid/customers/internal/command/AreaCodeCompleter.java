package org.countygrid.customers.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.customers.AreaView;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.security.Caller;

/** Completes the transformer area codes of the user's office (hundreds in a county), station by station. */
@Service
public class AreaCodeCompleter implements Completer {

    @Reference
    CustomerService customers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        try {
            Caller caller = CustomerCommand.currentCaller();
            for (StationView station : customers.stations(caller)) {
                customers.areas(caller, station.code()).stream().map(AreaView::code).forEach(codes.getStrings()::add);
            }
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return codes.complete(session, commandLine, candidates);
    }
}
