package org.countygrid.metering.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.internal.AccountRegister;

/** Completes the supply station codes of the caller's office while the customers module runs (it knows them). */
@Service
public class StationCompleter implements Completer {

    @Reference(optional = true)
    AccountRegister accounts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (accounts == null) {
            return -1;
        }
        StringsCompleter codes = new StringsCompleter();
        try {
            codes.getStrings().addAll(accounts.stationCodes(MeteringCommand.currentCaller()));
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return codes.complete(session, commandLine, candidates);
    }
}
