package org.countygrid.platform.web.internal.rest;

import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;

/**
 * GET /api/openapi.json: the API of the modules installed right now, for any logged-in staff (integrators fetch it
 * with their tools and a login, as they call the API). Not public: it names every operation and the roles it
 * needs, which is a map of the node for whoever would try its doors (only /api/health and the login are open).
 */
@Path("/openapi.json")
public final class OpenApiResource {

    static final String EMPTY = "{\"openapi\":\"3.0.1\",\"paths\":{}}";

    /** Makes the document of the resources published now; run at the first request after each change, not at boot. */
    private volatile Supplier<String> generator = () -> EMPTY;
    private String document;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({ Role.ADMIN, Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR })
    public String document() {
        synchronized (this) {
            if (document == null) {
                document = generator.get();
            }
            return document;
        }
    }

    /** The resources changed: the next request generates the document anew. */
    synchronized void update(Supplier<String> newGenerator) {
        generator = newGenerator;
        document = null;
    }
}
