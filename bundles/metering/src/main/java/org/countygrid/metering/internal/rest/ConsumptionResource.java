package org.countygrid.metering.internal.rest;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.countygrid.metering.ConsumptionService;
import org.countygrid.metering.DailyConsumption;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/metering/accounts/{number}/consumption}: daily consumption of an account. */
@Component(service = RestResource.class)
@Path("/metering/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class ConsumptionResource implements RestResource {

    private final ConsumptionService consumption;

    @Activate
    public ConsumptionResource(@Reference ConsumptionService consumption) {
        this.consumption = consumption;
    }

    /** {@code from} and {@code to} are days (2026-11-01), both included; default the last 30 days. */
    @GET
    @Path("/{number}/consumption")
    @RequiresRole({ Role.ADMIN, Role.AUDITOR, Role.DISPATCHER, Role.FIELD, Role.OPERATOR })
    public List<DailyConsumption> daily(@PathParam("number") String number, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate last = Params.day("to", to, LocalDate.now(ConsumptionService.DAY_ZONE).minusDays(1));
        // the default: the 30 days up to to (a to out of the service's years is refused there, not computed on here)
        LocalDate first = Params.day("from", from, last.isBefore(LocalDate.MIN.plusDays(29)) ? last : last.minusDays(29));
        return consumption.daily(CurrentCaller.get(), number, first, last);
    }
}
