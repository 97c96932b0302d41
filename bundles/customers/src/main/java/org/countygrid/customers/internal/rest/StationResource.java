package org.countygrid.customers.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/customers/stations}: the office's supply stations and their transformer areas. */
@Component(service = RestResource.class)
@Path("/customers/stations")
@Produces(MediaType.APPLICATION_JSON)
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

    @GET
    @Path("/{code}/areas")
    @RequiresRole({ Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN })
    public List<AreaView> areas(@PathParam("code") String code) {
        return customers.areas(CurrentCaller.get(), code);
    }
}
