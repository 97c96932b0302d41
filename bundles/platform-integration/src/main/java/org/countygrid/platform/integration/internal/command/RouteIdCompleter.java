package org.countygrid.platform.integration.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.integration.RouteControl;
import org.countygrid.platform.integration.RouteInfo;

/** Completes the ids of the routes running right now. */
@Service
public class RouteIdCompleter implements Completer {

    @Reference
    RouteControl routes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter(routes.routes().stream().map(RouteInfo::id).toList());
        return ids.complete(session, commandLine, candidates);
    }
}
