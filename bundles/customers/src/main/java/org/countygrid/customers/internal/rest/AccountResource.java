package org.countygrid.customers.internal.rest;

import java.net.URI;
import java.util.OptionalLong;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.countygrid.customers.AccountView;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.NewAccount;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.rest.IfMatch;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/customers/accounts}: search, read, open, change and close accounts. The ETag of an account is
 * its version; a PUT or a close with a stale {@code If-Match} (or body {@code version}) gets 409.
 */
@Component(service = RestResource.class)
@Path("/customers/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource implements RestResource {

    private final CustomerService customers;

    @Activate
    public AccountResource(@Reference CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @RequiresRole({ Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN })
    public Page<AccountView> search(@QueryParam("q") String q, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return customers.searchAccounts(CurrentCaller.get(), q, Page.requestedOffset(offset),
                Page.requestedLimit(limit));
    }

    @GET
    @Path("/{number}")
    @RequiresRole({ Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN })
    public Response get(@PathParam("number") String number) {
        return withTag(Response.ok(), customers.account(CurrentCaller.get(), AccountNumber.of(number)));
    }

    @POST
    @RequiresRole({ Role.OPERATOR, Role.ADMIN })
    public Response open(NewAccount body) {
        AccountView opened = customers.openAccount(CurrentCaller.get(), body);
        return withTag(Response.created(URI.create("customers/accounts/" + opened.number())), opened);
    }

    @PUT
    @Path("/{number}")
    @RequiresRole({ Role.OPERATOR, Role.ADMIN })
    public Response change(@PathParam("number") String number, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            AccountUpdate body) {
        AccountNumber account = AccountNumber.of(number);
        if (body == null) {
            throw new ValidationException("body", "is required");
        }
        OptionalLong fromHeader = IfMatch.version(ifMatch);
        OptionalLong expected = fromHeader.isPresent() ? fromHeader : body.expectedVersion();
        return withTag(Response.ok(), customers.changeAccount(CurrentCaller.get(), account, body.toChange(), expected));
    }

    @POST
    @Path("/{number}/close")
    @RequiresRole({ Role.OPERATOR, Role.ADMIN })
    public Response close(@PathParam("number") String number, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            CloseRequest body) {
        AccountNumber account = AccountNumber.of(number);
        String reason = body == null ? null : body.reason();
        OptionalLong fromHeader = IfMatch.version(ifMatch);
        OptionalLong expected = fromHeader.isPresent() || body == null ? fromHeader : body.expectedVersion();
        return withTag(Response.ok(), customers.closeAccount(CurrentCaller.get(), account, reason, expected));
    }

    private static Response withTag(Response.ResponseBuilder response, AccountView account) {
        return response.tag(new EntityTag(Long.toString(account.version()))).entity(account).build();
    }
}
