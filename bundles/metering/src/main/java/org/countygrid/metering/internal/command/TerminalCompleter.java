package org.countygrid.metering.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyService;

/** Completes the asset numbers of the office's terminals (a county has hundreds, not hundreds of thousands). */
@Service
public class TerminalCompleter implements Completer {

    @Reference
    TopologyService topology;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter assets = new StringsCompleter();
        try {
            topology.terminals(MeteringCommand.currentCaller(), null).stream().map(TerminalView::assetNumber)
                    .forEach(assets.getStrings()::add);
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return assets.complete(session, commandLine, candidates);
    }
}
