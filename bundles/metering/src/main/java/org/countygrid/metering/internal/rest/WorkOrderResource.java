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

import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/metering/orders}: the work order board for the back office, and the mobile API of the field worker
 * ({@code mine}, {@code scan}, {@code final-readings}, {@code complete}).
 */
@Component(service = RestResource.class)
@Path("/metering/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkOrderResource implements RestResource {

    private final WorkOrderService orders;

    @Activate
    public WorkOrderResource(@Reference WorkOrderService orders) {
        this.orders = orders;
    }

    @GET
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public List<WorkOrderView> list(@QueryParam("status") String status, @QueryParam("worker") String worker) {
        return orders.orders(CurrentCaller.get(), Params.choice("status", WorkOrderStatus.class, status), worker);
    }

    @GET
    @Path("/mine")
    @RequiresRole({ Role.FIELD })
    public List<WorkOrderView> mine() {
        return orders.mine(CurrentCaller.get());
    }

    @POST
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.OPERATOR })
    public Response create(NewWorkOrder body) {
        WorkOrderView created = orders.create(CurrentCaller.get(), Params.body(body));
        return Response.created(URI.create("metering/orders/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public WorkOrderView order(@PathParam("id") String id) {
        return orders.order(CurrentCaller.get(), Params.id(id));
    }

    @POST
    @Path("/{id}/scan")
    @RequiresRole({ Role.FIELD })
    public WorkOrderView scan(@PathParam("id") String id, Requests.Scan body) {
        Requests.Scan b = Params.body(body);
        return orders.scan(CurrentCaller.get(), Params.id(id), b.barcode(), b.where());
    }

    @POST
    @Path("/{id}/final-readings")
    @RequiresRole({ Role.FIELD })
    public WorkOrderView finalReadings(@PathParam("id") String id, FinalReadings body) {
        return orders.recordFinalReadings(CurrentCaller.get(), Params.id(id), Params.body(body));
    }

    @POST
    @Path("/{id}/complete")
    @RequiresRole({ Role.FIELD })
    public WorkOrderView complete(@PathParam("id") String id, Requests.Complete body) {
        Requests.Complete b = body == null ? new Requests.Complete(null, null, null) : body;
        return orders.complete(CurrentCaller.get(), Params.id(id), b.residualBalanceFen(), b.where());
    }

    @POST
    @Path("/{id}/suspend")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public WorkOrderView suspend(@PathParam("id") String id, Requests.Reason body) {
        return orders.suspend(CurrentCaller.get(), Params.id(id), Params.body(body).reason());
    }

    @POST
    @Path("/{id}/resume")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public WorkOrderView resume(@PathParam("id") String id) {
        return orders.resume(CurrentCaller.get(), Params.id(id));
    }

    @POST
    @Path("/{id}/hand-over")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public WorkOrderView handOver(@PathParam("id") String id, Requests.HandOver body) {
        Requests.HandOver b = Params.body(body);
        return orders.handOver(CurrentCaller.get(), Params.id(id), b.worker(), b.note());
    }

    @POST
    @Path("/{id}/cancel")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.OPERATOR })
    public WorkOrderView cancel(@PathParam("id") String id, Requests.Reason body) {
        return orders.cancel(CurrentCaller.get(), Params.id(id), Params.body(body).reason());
    }
}
