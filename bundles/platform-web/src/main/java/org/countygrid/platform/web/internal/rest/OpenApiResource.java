package org.countygrid.platform.web.internal.rest;

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

    private volatile String document = "{\"openapi\":\"3.0.1\",\"paths\":{}}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(RequiresRole.PUBLIC)
    public String document() {
        return document;
    }

    void update(String newDocument) {
        document = newDocument;
    }
}
