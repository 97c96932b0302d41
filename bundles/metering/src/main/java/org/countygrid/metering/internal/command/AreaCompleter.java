package org.countygrid.metering.internal.command;

import java.util.Collection;
import java.util.Objects;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyService;
import org.countygrid.platform.api.security.Caller;

/** Completes the transformer areas of the caller's office that have a collection terminal. */
@Service
public class AreaCompleter extends OfficeDataCompleter {

    @Reference
    TopologyService topology;

    @Override
    Collection<String> candidates(Caller caller) {
        return topology.terminals(caller, null).stream().map(TerminalView::areaCode).filter(Objects::nonNull).distinct()
                .toList();
    }
}
