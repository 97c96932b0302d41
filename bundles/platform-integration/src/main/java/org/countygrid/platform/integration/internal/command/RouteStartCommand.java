package org.countygrid.platform.integration.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.integration.RouteControl;

@Service
@Command(scope = "integration", name = "route-start", description = "Starts a route of the countygrid Camel context")
public class RouteStartCommand extends RouteStateCommand {

    @Override
    void change(RouteControl routes, String id) {
        routes.startRoute(id);
    }
}
