package org.countygrid.platform.integration.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.integration.EventRelay;
import org.countygrid.platform.integration.RouteControl;
import org.countygrid.platform.integration.internal.NodeStaff;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

@Component(service = RestResource.class)
@Path("/integration/routes")
@Produces(MediaType.APPLICATION_JSON)
public class RoutesResource implements RestResource {

    private final RouteControl routes;
    private final EventRelay relay;
    private final NodeIdentity node;

    @Activate
    public RoutesResource(@Reference RouteControl routes,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) EventRelay relay,
            @Reference NodeIdentity node) {
        this.routes = routes;
        this.relay = relay;
        this.node = node;
    }

    @GET
    @RequiresRole({ Role.ADMIN, Role.AUDITOR })
    public RoutesView list() {
        NodeStaff.require(CurrentCaller.get(), node);
        return new RoutesView(routes.routes().stream().map(RoutesView.Route::of).toList(),
                routes.loadErrors().stream().map(RoutesView.LoadError::of).toList(),
                RoutesView.Relay.of(relay == null ? null : relay.stats()));
    }

    @POST
    @Path("/{id}/stop")
    @RequiresRole(Role.ADMIN)
    public RoutesView.Route stop(@PathParam("id") String id) {
        NodeStaff.require(CurrentCaller.get(), node);
        routes.stopRoute(id);
        return current(id);
    }

    @POST
    @Path("/{id}/start")
    @RequiresRole(Role.ADMIN)
    public RoutesView.Route start(@PathParam("id") String id) {
        NodeStaff.require(CurrentCaller.get(), node);
        routes.startRoute(id);
        return current(id);
    }

    private RoutesView.Route current(String id) {
        return routes.routes().stream().filter(r -> r.id().equals(id)).findFirst().map(RoutesView.Route::of)
                .orElseThrow(() -> new Problem(404, "Not Found", "there is no route with id " + id));
    }
}
