package org.countygrid.platform.integration.internal.rest;

import java.util.List;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.countygrid.platform.api.FreeText;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.integration.EventRelay;
import org.countygrid.platform.integration.internal.NodeStaff;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The subscribers the outbox relay holds at an event they fail (listed with the routes, {@code GET
 * /api/integration/routes}): an administrator lets one go past that event, or past all it is behind.
 */
@Component(service = RestResource.class)
@Path("/integration/held-subscribers")
@Produces(MediaType.APPLICATION_JSON)
public class HeldSubscribersResource implements RestResource {

    /** What a skip did, in the server's words (the console says it in the user's language). */
    public record Skipped(String subscription, boolean all, String message) {
    }

    private final EventRelay relay;
    private final NodeIdentity node;

    @Activate
    public HeldSubscribersResource(@Reference EventRelay relay, @Reference NodeIdentity node) {
        this.relay = relay;
        this.node = node;
    }

    @POST
    @Path("/skip")
    @RequiresRole(Role.ADMIN)
    public Skipped skip(@QueryParam("subscription") List<String> subscriptions, @QueryParam("all") List<String> alls) {
        NodeStaff.require(CurrentCaller.get(), node);
        String subscription = once("subscription", subscriptions);
        if (subscription == null || subscription.isBlank()) {
            throw new Problem(400, "Bad Request", "subscription: give the held subscription, e.g. customers.account-opened/bank");
        }
        String unfit = FreeText.problem(subscription);
        if (unfit != null) {
            throw new Problem(400, "Bad Request", "subscription: " + unfit);
        }
        String allText = once("all", alls);
        boolean all = "true".equals(allText);
        if (allText != null && !all && !"false".equals(allText)) {
            throw new Problem(400, "Bad Request", "all: must be true or false");
        }
        try {
            return new Skipped(subscription, all, relay.skip(subscription.strip(), all));
        } catch (IllegalArgumentException e) {
            throw new Problem(404, "Not Found", e.getMessage());
        } catch (IllegalStateException e) {
            throw Problem.conflict(e.getMessage());
        }
    }

    private static String once(String name, List<String> values) {
        if (values != null && values.size() > 1) {
            throw new Problem(400, "Bad Request", name + ": give it once, not " + values.size() + " times");
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
