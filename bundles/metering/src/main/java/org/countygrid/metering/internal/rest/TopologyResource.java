package org.countygrid.metering.internal.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.AreaTopology;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.NewTerminal;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyCheck;
import org.countygrid.metering.TopologyService;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/metering/terminals} and {@code /api/metering/areas/{code}/topology}: collection terminals through
 * their lifecycle, the topology of a transformer area, and the reconciliation with a terminal's reported archive
 * (the AMI channel posts the archive; the back office checks and applies).
 */
@Component(service = RestResource.class)
@Path("/metering")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopologyResource implements RestResource {

    private final TopologyService topology;

    @Activate
    public TopologyResource(@Reference TopologyService topology) {
        this.topology = topology;
    }

    @GET
    @Path("/terminals")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public List<TerminalView> terminals(@QueryParam("area") String area) {
        return topology.terminals(CurrentCaller.get(), area);
    }

    /** Registers a terminal into warehouse {@code warehouse} (the configured default when absent). */
    @POST
    @Path("/terminals")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public Response registerTerminal(@QueryParam("warehouse") String warehouse, NewTerminal body) {
        TerminalView added = topology.register(CurrentCaller.get(), Params.body(body), warehouse, FieldContext.NONE);
        return Response.created(URI.create("metering/terminals/" + added.assetNumber())).entity(added).build();
    }

    @GET
    @Path("/terminals/{asset}")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public TerminalView terminal(@PathParam("asset") String asset) {
        return topology.terminal(CurrentCaller.get(), asset);
    }

    @GET
    @Path("/terminals/{asset}/history")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public List<MeterTransitionView> terminalHistory(@PathParam("asset") String asset) {
        return topology.history(CurrentCaller.get(), asset);
    }

    @POST
    @Path("/terminals/{asset}/verify")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public TerminalView verifyTerminal(@PathParam("asset") String asset, Requests.Verify body) {
        Requests.Verify b = body == null ? new Requests.Verify(null, null, null) : body;
        return topology.verify(CurrentCaller.get(), asset, b.verifiedOn(), b.where());
    }

    @POST
    @Path("/terminals/{asset}/transfer")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public TerminalView transferTerminal(@PathParam("asset") String asset, Requests.Transfer body) {
        Requests.Transfer b = Params.body(body);
        return topology.transfer(CurrentCaller.get(), asset, b.warehouseCode(), b.where());
    }

    @POST
    @Path("/terminals/{asset}/pre-issue")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public TerminalView preIssueTerminal(@PathParam("asset") String asset, Requests.PreIssue body) {
        Requests.PreIssue b = Params.body(body);
        return topology.preIssue(CurrentCaller.get(), asset, b.stationCode(), b.cabinetCode(), b.where());
    }

    @POST
    @Path("/terminals/{asset}/receive")
    @RequiresRole({ Role.FIELD })
    public TerminalView receiveTerminal(@PathParam("asset") String asset, Requests.Receive body) {
        Requests.Receive b = Params.body(body);
        return topology.receive(CurrentCaller.get(), asset, b.stationCode(), b.where());
    }

    @POST
    @Path("/terminals/{asset}/install")
    @RequiresRole({ Role.FIELD })
    public TerminalView installTerminal(@PathParam("asset") String asset, Requests.Install body) {
        Requests.Install b = Params.body(body);
        return topology.install(CurrentCaller.get(), asset, b.areaCode(), b.where());
    }

    @POST
    @Path("/terminals/{asset}/remove")
    @RequiresRole({ Role.FIELD })
    public TerminalView removeTerminal(@PathParam("asset") String asset, Requests.Where body) {
        Requests.Where b = body == null ? new Requests.Where(null, null) : body;
        return topology.remove(CurrentCaller.get(), asset, b.where());
    }

    @POST
    @Path("/terminals/{asset}/return")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public TerminalView returnTerminal(@PathParam("asset") String asset, Requests.Scrap body) {
        Requests.Scrap b = Params.body(body);
        return topology.returnToStock(CurrentCaller.get(), asset, b.reason(), b.where());
    }

    @POST
    @Path("/terminals/{asset}/scrap")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public TerminalView scrapTerminal(@PathParam("asset") String asset, Requests.Scrap body) {
        Requests.Scrap b = Params.body(body);
        return topology.scrap(CurrentCaller.get(), asset, b.reason(), b.where());
    }

    /** The meter addresses the terminal reported reading (its archive), as a JSON array of 12-digit addresses. */
    @POST
    @Path("/terminals/{asset}/archive")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public TopologyCheck archive(@PathParam("asset") String asset, List<String> addresses) {
        return topology.report(CurrentCaller.get(), asset, addresses);
    }

    @GET
    @Path("/terminals/{asset}/topology-check")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public TopologyCheck check(@PathParam("asset") String asset) {
        return topology.check(CurrentCaller.get(), asset);
    }

    @POST
    @Path("/terminals/{asset}/topology-check/apply")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public TopologyCheck apply(@PathParam("asset") String asset) {
        return topology.apply(CurrentCaller.get(), asset);
    }

    @GET
    @Path("/areas/{code}/topology")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public AreaTopology area(@PathParam("code") String code) {
        return topology.area(CurrentCaller.get(), code);
    }
}
