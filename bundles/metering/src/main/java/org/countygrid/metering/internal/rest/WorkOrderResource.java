package org.countygrid.metering.internal.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

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

import org.countygrid.metering.FieldContext;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.OrderFile;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.rest.IfMatch;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/metering/orders}: the work order board for the back office, and the mobile API of the field worker
 * ({@code mine}, {@code scan}, {@code final-readings}, {@code infrared-reading}, {@code photos}, {@code signature},
 * {@code complete}) with the files kept for an order and its completed form.
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
    public Page<WorkOrderView> list(@QueryParam("status") String status, @QueryParam("worker") String worker,
            @QueryParam("before") String before, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return orders.orders(CurrentCaller.get(), Params.choice("status", WorkOrderStatus.class, status), worker,
                Params.longValue("before", before), Page.requestedOffset(offset), Page.requestedLimit(limit));
    }

    /** Whom an order can be given to: the field workers of the caller's office, for the console's forms. */
    @GET
    @Path("/workers")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public List<String> workers() {
        return orders.workers(CurrentCaller.get());
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
    @Path("/{id}/infrared-reading")
    @RequiresRole({ Role.FIELD })
    public WorkOrderView infraredReading(@PathParam("id") String id, FinalReadings body,
            @QueryParam("deviceId") String deviceId, @QueryParam("location") String location) {
        return orders.recordNewMeterReadings(CurrentCaller.get(), Params.id(id), Params.body(body),
                new FieldContext(deviceId, location));
    }

    /** A photo as the request body (image/jpeg or image/png), {@code kind} OLD_METER_PHOTO or NEW_METER_PHOTO. */
    @POST
    @Path("/{id}/photos")
    @Consumes({ "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM })
    @RequiresRole({ Role.FIELD })
    public WorkOrderView photo(@PathParam("id") String id, @QueryParam("kind") String kind,
            @QueryParam("deviceId") String deviceId, @QueryParam("location") String location,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        // a signature and the form have their own ways in: a photo is of the old or the new meter
        OrderFileKind photo = Params.choice("kind", kind, OrderFileKind.OLD_METER_PHOTO, OrderFileKind.NEW_METER_PHOTO);
        return orders.attachPhoto(CurrentCaller.get(), Params.id(id), photo,
                contentType, Params.upload("photo", body), new FieldContext(deviceId, location));
    }

    /** The customer's signature as a PNG request body; {@code signer} is the name the customer gives. */
    @POST
    @Path("/{id}/signature")
    @Consumes({ "image/png", MediaType.APPLICATION_OCTET_STREAM })
    @RequiresRole({ Role.FIELD })
    public WorkOrderView signature(@PathParam("id") String id, @QueryParam("signer") String signer,
            @QueryParam("deviceId") String deviceId, @QueryParam("location") String location,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return orders.sign(CurrentCaller.get(), Params.id(id), signer, contentType, Params.upload("signature", body),
                new FieldContext(deviceId, location));
    }

    @GET
    @Path("/{id}/files/{sha256}")
    @Produces({ "image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON })
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public Response file(@PathParam("id") String id, @PathParam("sha256") String sha256) {
        return content(orders.file(CurrentCaller.get(), Params.id(id), sha256), "work-order-" + id);
    }

    /** The completed form (PDF) of a completed order. */
    @GET
    @Path("/{id}/form")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public Response form(@PathParam("id") String id) {
        return content(orders.form(CurrentCaller.get(), Params.id(id)), "work-order-" + id);
    }

    private static Response content(OrderFile file, String name) {
        String extension = switch (file.file().contentType()) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        };
        return Response.ok(file.content(), file.file().contentType())
                .header("Content-Disposition", "inline; filename=\"" + name + "-" + file.file().kind().name().toLowerCase()
                        + extension + "\"")
                .header("ETag", "\"" + file.file().sha256() + "\"")
                .header("Cache-Control", "private, max-age=86400, immutable").build();
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
    public WorkOrderView suspend(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Requests.Reason body) {
        Requests.Reason b = Params.body(body);
        return orders.suspend(CurrentCaller.get(), Params.id(id), b.reason(), expected(ifMatch, b.version()));
    }

    @POST
    @Path("/{id}/resume")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public WorkOrderView resume(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return orders.resume(CurrentCaller.get(), Params.id(id), IfMatch.version(ifMatch));
    }

    @POST
    @Path("/{id}/hand-over")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public WorkOrderView handOver(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Requests.HandOver body) {
        Requests.HandOver b = Params.body(body);
        return orders.handOver(CurrentCaller.get(), Params.id(id), b.worker(), b.note(), expected(ifMatch, b.version()));
    }

    @POST
    @Path("/{id}/cancel")
    @RequiresRole({ Role.ADMIN, Role.DISPATCHER, Role.OPERATOR })
    public WorkOrderView cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Requests.Reason body) {
        Requests.Reason b = Params.body(body);
        return orders.cancel(CurrentCaller.get(), Params.id(id), b.reason(), expected(ifMatch, b.version()));
    }

    /** The order's version as the caller read it: {@code If-Match} (the order's {@code version}), else the body's. */
    private static OptionalLong expected(String ifMatch, Long bodyVersion) {
        OptionalLong fromHeader = IfMatch.version(ifMatch);
        return fromHeader.isPresent() || bodyVersion == null ? fromHeader : OptionalLong.of(bodyVersion);
    }
}
