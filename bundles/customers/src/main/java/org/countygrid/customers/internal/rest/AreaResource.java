package org.countygrid.customers.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.CustomerService;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/customers/areas/{code}}: one transformer area by its code, which is unique in the office, so a
 * client holding an account's {@code areaCode} need not know the station. Areas are added under their station.
 */
@Component(service = RestResource.class)
@Path("/customers/areas")
@Produces(MediaType.APPLICATION_JSON)
public class AreaResource implements RestResource {

    private final CustomerService customers;

    @Activate
    public AreaResource(@Reference CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @Path("/{code}")
    @RequiresRole({ Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN })
    public AreaView area(@PathParam("code") String code) {
        return customers.area(CurrentCaller.get(), code);
    }
}
