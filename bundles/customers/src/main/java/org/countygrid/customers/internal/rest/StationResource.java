package org.countygrid.customers.internal.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.NewArea;
import org.countygrid.customers.NewStation;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/customers/stations}: the office's supply stations and their transformer areas; adding both. */
@Component(service = RestResource.class)
@Path("/customers/stations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationResource implements RestResource {

    private final CustomerService customers;

    @Activate
    public StationResource(@Reference CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @RequiresRole({ Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN })
    public List<StationView> stations() {
        return customers.stations(CurrentCaller.get());
    }

    /** One station with its area count: what the {@code Location} of an added station points to. */
    @GET
    @Path("/{code}")
    @RequiresRole({ Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN })
    public StationView station(@PathParam("code") String code) {
        // an office has tens of stations: picking one from the list needs no service method of its own
        return customers.stations(CurrentCaller.get()).stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> Problem.notFound("supply station " + code));
    }

    @POST
    @RequiresRole({ Role.OPERATOR, Role.ADMIN })
    public Response add(NewStation body) {
        StationView added = customers.addStation(CurrentCaller.get(), body);
        return Response.created(URI.create("customers/stations/" + added.code())).entity(added).build();
    }

    @GET
    @Path("/{code}/areas")
    @RequiresRole({ Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN })
    public List<AreaView> areas(@PathParam("code") String code) {
        return customers.areas(CurrentCaller.get(), code);
    }

    @POST
    @Path("/{code}/areas")
    @RequiresRole({ Role.OPERATOR, Role.ADMIN })
    public Response addArea(@PathParam("code") String code, NewArea body) {
        AreaView added = customers.addArea(CurrentCaller.get(), code, body);
        return Response.created(URI.create("customers/areas/" + added.code())).entity(added).build();
    }
}
