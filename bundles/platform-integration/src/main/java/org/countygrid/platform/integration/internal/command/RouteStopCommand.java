package org.countygrid.platform.integration.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.integration.RouteControl;

@Service
@Command(scope = "integration", name = "route-stop", description = "Stops a route of the countygrid Camel context")
public class RouteStopCommand extends RouteStateCommand {

    @Override
    void change(RouteControl routes, String id) {
        routes.stopRoute(id);
    }
}
