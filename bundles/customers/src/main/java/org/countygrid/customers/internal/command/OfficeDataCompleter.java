package org.countygrid.customers.internal.command;

import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.api.security.Caller;

/**
 * A completer whose candidates are the shell user's office's data, read with the user's rights at each TAB. No
 * completion is better than an error in the middle of typing, so a failed read offers nothing.
 */
abstract class OfficeDataCompleter implements Completer {

    /** The candidates for this caller; may throw (no rights, module stopping), which offers none. */
    abstract Collection<String> candidates(Caller caller);

    @Override
    public final int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter strings = new StringsCompleter();
        try {
            strings.getStrings().addAll(candidates(CustomerCommand.currentCaller()));
        } catch (RuntimeException e) {
            return -1;
        }
        return strings.complete(session, commandLine, candidates);
    }
}
