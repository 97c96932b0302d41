package org.countygrid.platform.web.internal.rest;

import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.countygrid.platform.api.security.RequiresRole;

/**
 * GET /api/openapi.json: the API of the modules installed right now. Public, like the list of doors of a
 * building: every operation in it still checks its own roles, and integrators fetch it with their tools.
 */
@Path("/openapi.json")
public final class OpenApiResource {

    static final String EMPTY = "{\"openapi\":\"3.0.1\",\"paths\":{}}";

    /** Makes the document of the resources published now; run at the first request after each change, not at boot. */
    private volatile Supplier<String> generator = () -> EMPTY;
    private String document;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(RequiresRole.PUBLIC)
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
