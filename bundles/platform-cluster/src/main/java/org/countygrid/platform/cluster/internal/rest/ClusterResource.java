package org.countygrid.platform.cluster.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.cluster.NodeRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The nodes of the caller's own office: another county's nodes, with their addresses, are that county's. */
@Component(service = RestResource.class)
@Path("/cluster")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource implements RestResource {

    private final NodeRegistry registry;
    private final NodeIdentity identity;

    @Activate
    public ClusterResource(@Reference NodeRegistry registry, @Reference NodeIdentity identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    @Path("/nodes")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR })
    public List<NodeView> nodes() {
        String office = CurrentCaller.get().office().value();
        return registry.nodes().stream().filter(n -> office.equals(n.office()))
                .map(n -> NodeView.of(n, registry.isLocal(n, identity.nodeName()))).toList();
    }
}
