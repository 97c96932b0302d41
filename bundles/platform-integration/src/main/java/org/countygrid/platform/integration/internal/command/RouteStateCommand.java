package org.countygrid.platform.integration.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.integration.RouteControl;
import org.countygrid.platform.integration.internal.NodeStaff;
import org.countygrid.platform.integration.RouteInfo;

/**
 * The body of route-start and route-stop: an admin changes one route, then sees the state it is in now.
 * Karaf injects the fields of a superclass too, as in its own BundlesCommand.
 */
abstract class RouteStateCommand implements Action {

    @Reference
    RouteControl routes;

    @Reference
    NodeIdentity node;

    @Argument(index = 0, name = "id", description = "The route id, e.g. customers-welcome-sms", required = true)
    @Completion(RouteIdCompleter.class)
    String id;

    /** Starts or stops the route; a {@link Problem} says why it could not. */
    abstract void change(RouteControl routes, String id);

    @Override
    public Object execute() throws CommandException {
        try {
            NodeStaff.require(ShellCaller.require(Role.ADMIN), node);
            change(routes, id);
            System.out.println("Route " + id + ": " + (routes.routes().stream().filter(r -> r.id().equals(id))
                    .map(RouteInfo::state).findFirst().orElse("gone")));
        } catch (Problem e) {
            throw ShellCaller.refused(e.getMessage());
        }
        return null;
    }
}
