package org.countygrid.metering.internal.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.countygrid.metering.DeliverySummary;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.MeterView;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.StockView;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/metering/meters}: stock, arrivals and the lifecycle of meters. {@code receive} is the field worker's
 * mobile call (领表); the others are back office.
 */
@Component(service = RestResource.class)
@Path("/metering/meters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeterResource implements RestResource {

    private final MeterService meters;

    @Activate
    public MeterResource(@Reference MeterService meters) {
        this.meters = meters;
    }

    @GET
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public Page<MeterView> list(@QueryParam("state") String state, @QueryParam("q") String q,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return meters.meters(CurrentCaller.get(), Params.choice("state", MeterState.class, state), q,
                Page.requestedOffset(offset), Page.requestedLimit(limit));
    }

    @GET
    @Path("/stock")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public StockView stock() {
        return meters.stock(CurrentCaller.get());
    }

    @POST
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public Response register(NewMeter body) {
        MeterView added = meters.register(CurrentCaller.get(), Params.body(body), FieldContext.NONE);
        return Response.created(URI.create("metering/meters/" + added.barcode())).entity(added).build();
    }

    /**
     * The delivery file as the request body, {@code text/csv} or {@code text/plain}, into warehouse
     * {@code warehouse} (the configured default when absent).
     */
    @POST
    @Path("/deliveries")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public DeliverySummary delivery(@QueryParam("batch") String batch, @QueryParam("warehouse") String warehouse,
            @HeaderParam("X-Device-Id") String device, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        String csv = Params.text("body", contentType, Params.upload("body", body));
        return meters.receiveDelivery(CurrentCaller.get(), batch, warehouse, csv, new FieldContext(device, null));
    }

    @GET
    @Path("/{barcode}")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public MeterView meter(@PathParam("barcode") String barcode) {
        return meters.meter(CurrentCaller.get(), barcode);
    }

    @GET
    @Path("/{barcode}/history")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public List<MeterTransitionView> history(@PathParam("barcode") String barcode) {
        return meters.history(CurrentCaller.get(), barcode);
    }

    @POST
    @Path("/{barcode}/verify")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public MeterView verify(@PathParam("barcode") String barcode, Requests.Verify body) {
        Requests.Verify b = body == null ? new Requests.Verify(null, null, null) : body;
        return meters.verify(CurrentCaller.get(), barcode, b.verifiedOn(), b.where());
    }

    @POST
    @Path("/{barcode}/pre-issue")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public MeterView preIssue(@PathParam("barcode") String barcode, Requests.PreIssue body) {
        Requests.PreIssue b = Params.body(body);
        return meters.preIssue(CurrentCaller.get(), barcode, b.stationCode(), b.cabinetCode(), b.where());
    }

    @POST
    @Path("/{barcode}/receive")
    @RequiresRole({ Role.FIELD })
    public MeterView receive(@PathParam("barcode") String barcode, Requests.Receive body) {
        Requests.Receive b = Params.body(body);
        return meters.receive(CurrentCaller.get(), barcode, b.stationCode(), b.where());
    }

    @POST
    @Path("/{barcode}/transfer")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public MeterView transfer(@PathParam("barcode") String barcode, Requests.Transfer body) {
        Requests.Transfer b = Params.body(body);
        return meters.transfer(CurrentCaller.get(), barcode, b.warehouseCode(), b.where());
    }

    @POST
    @Path("/{barcode}/return")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public MeterView returnToStock(@PathParam("barcode") String barcode, Requests.Scrap body) {
        Requests.Scrap b = Params.body(body);
        return meters.returnToStock(CurrentCaller.get(), barcode, b.reason(), b.where());
    }

    @POST
    @Path("/{barcode}/scrap")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public MeterView scrap(@PathParam("barcode") String barcode, Requests.Scrap body) {
        Requests.Scrap b = Params.body(body);
        return meters.scrap(CurrentCaller.get(), barcode, b.reason(), b.where());
    }
}
