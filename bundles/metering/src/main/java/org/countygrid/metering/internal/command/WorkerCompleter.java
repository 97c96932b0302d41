package org.countygrid.metering.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.WorkOrderService;

/** Completes the field workers of the caller's office (logins with the role field). */
@Service
public class WorkerCompleter implements Completer {

    @Reference
    WorkOrderService orders;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter workers = new StringsCompleter();
        try {
            workers.getStrings().addAll(orders.workers(MeteringCommand.currentCaller()));
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return workers.complete(session, commandLine, candidates);
    }
}
