package org.countygrid.metering.internal.command;

import java.util.List;
import java.util.Objects;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyService;

/** Completes the transformer areas of the caller's office that have a collection terminal. */
@Service
public class AreaCompleter implements Completer {

    @Reference
    TopologyService topology;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        try {
            topology.terminals(MeteringCommand.currentCaller(), null).stream().map(TerminalView::areaCode)
                    .filter(Objects::nonNull).distinct().forEach(codes.getStrings()::add);
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return codes.complete(session, commandLine, candidates);
    }
}
