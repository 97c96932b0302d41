package org.countygrid.metering.internal.route;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.countygrid.metering.AccountChanges;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serves {@link AccountChanges#ENDPOINT}: a {@code customers.account-changed} event that changed the address or the
 * transformer area of an account is followed by the orders under way and the installed meter there.
 */
@Component(service = RoutesBuilder.class)
public class AccountChangeRoute extends RouteBuilder {

    public static final String ROUTE_ID = "metering-account-changes";

    private static final Logger LOG = LoggerFactory.getLogger(AccountChangeRoute.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkOrderService orders;

    @Activate
    public AccountChangeRoute(@Reference WorkOrderService orders) {
        this.orders = orders;
    }

    @Override
    public void configure() {
        from(AccountChanges.ENDPOINT).routeId(ROUTE_ID).process(this::follow);
    }

    void follow(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        String origin = in.getHeader(AccountChanges.EVENT_TYPE, String.class) + "#"
                + in.getHeader(AccountChanges.SEQUENCE, String.class);
        JsonNode event = JSON.readTree(in.getBody(String.class));
        String addressBefore = null;
        boolean followed = false;
        for (JsonNode change : event.path("changes")) {
            String field = change.path("field").asText();
            if (field.equals("address")) {
                addressBefore = change.path("before").isTextual() ? change.path("before").asText() : null;
                followed = true;
            } else if (field.equals("areaCode")) {
                followed = true;
            }
        }
        if (!followed) {
            return; // a new phone or name: nothing of metering's is about it
        }
        String account = event.path("number").asText();
        Caller system = Caller.system(OfficeCode.of(in.getHeader(AccountChanges.OFFICE, String.class)));
        try {
            orders.followAccount(system, account, addressBefore, origin); // met a worker's change by following again
        } catch (Problem e) {
            if (e.status() >= 500 || Problem.STALE.equals(e.type())) {
                throw e; // a failure, or changed again and again: the relay tries the event later
            }
            LOG.warn("Change of account {} not followed ({}): {}", account, origin, e.getMessage());
        }
    }
}
