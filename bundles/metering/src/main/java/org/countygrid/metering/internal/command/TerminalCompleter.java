package org.countygrid.metering.internal.command;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyService;
import org.countygrid.platform.api.security.Caller;

/** Completes the asset numbers of the office's terminals (a county has hundreds, not hundreds of thousands). */
@Service
public class TerminalCompleter extends OfficeDataCompleter {

    @Reference
    TopologyService topology;

    @Override
    Collection<String> candidates(Caller caller) {
        return topology.terminals(caller, null).stream().map(TerminalView::assetNumber).toList();
    }
}
