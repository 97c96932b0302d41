package org.countygrid.metering.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingService;
import org.countygrid.metering.ReadingView;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/metering/readings}: batch ingestion with validation, and a meter's readings with their flags. */
@Component(service = RestResource.class)
@Path("/metering/readings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReadingResource implements RestResource {

    private final ReadingService readings;

    @Activate
    public ReadingResource(@Reference ReadingService readings) {
        this.readings = readings;
    }

    @POST
    @RequiresRole({ Role.ADMIN, Role.OPERATOR })
    public IngestSummary ingest(List<NewReading> body) {
        return readings.ingest(CurrentCaller.get(), body);
    }

    @GET
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public List<ReadingView> list(@QueryParam("barcode") String barcode, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        ReadingKind k = Params.choice("kind", ReadingKind.class, kind);
        if (k == null) {
            throw new ValidationException("kind", "is required");
        }
        return readings.readings(CurrentCaller.get(), barcode, k, Params.instant("from", from), Params.instant("to", to));
    }
}
