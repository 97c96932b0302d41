package org.countygrid.platform.integration.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.integration.RouteControl;

@Service
@Command(scope = "integration", name = "route-start", description = "Starts a route of the countygrid Camel context")
public class RouteStartCommand implements Action {

    @Reference
    RouteControl routes;

    @Argument(index = 0, name = "id", description = "The route id, e.g. customers-welcome-sms", required = true)
    @Completion(RouteIdCompleter.class)
    String id;

    @Override
    public Object execute() {
        try {
            ShellCaller.require(Role.ADMIN);
            routes.startRoute(id);
            System.out.println("Route " + id + ": " + (routes.routes().stream().filter(r -> r.id().equals(id))
                    .map(r -> r.state()).findFirst().orElse("gone")));
        } catch (Problem e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
