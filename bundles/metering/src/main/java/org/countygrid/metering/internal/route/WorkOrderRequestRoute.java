package org.countygrid.metering.internal.route;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.Phase;
import org.countygrid.metering.WorkOrderRequests;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@link WorkOrderRequests#ENDPOINT}: a request in message headers becomes a work order, once per origin. */
@Component(service = RoutesBuilder.class)
public class WorkOrderRequestRoute extends RouteBuilder {

    public static final String ROUTE_ID = "metering-work-order-requests";

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderRequestRoute.class);

    private final WorkOrderService orders;

    @Activate
    public WorkOrderRequestRoute(@Reference WorkOrderService orders) {
        this.orders = orders;
    }

    @Override
    public void configure() {
        from(WorkOrderRequests.ENDPOINT).routeId(ROUTE_ID).process(this::request);
    }

    void request(Exchange exchange) {
        Message in = exchange.getMessage();
        String origin = in.getHeader(WorkOrderRequests.ORIGIN, String.class);
        try {
            OfficeCode office = OfficeCode.of(required(in, WorkOrderRequests.OFFICE));
            NewWorkOrder order = new NewWorkOrder(type(required(in, WorkOrderRequests.TYPE)),
                    required(in, WorkOrderRequests.ACCOUNT), null, in.getHeader(WorkOrderRequests.WORKER, String.class),
                    phase(in.getHeader(WorkOrderRequests.PHASE, String.class)),
                    in.getHeader(WorkOrderRequests.NOTE, String.class));
            WorkOrderView made = orders.request(Caller.system(office), order, origin);
            in.setHeader(WorkOrderRequests.ORDER_ID, made.id());
            LOG.debug("Work order {} for request {}", made.id(), origin);
        } catch (Problem e) { // a ValidationException too: bad input is a refusal
            if (e.status() >= 500 || Problem.STALE.equals(e.type())) {
                // a failure, or a worker's change of the same order at that moment: the relay delivers the event
                // again, and the origin makes the retry safe
                throw e;
            }
            refuse(in, origin, e.getMessage());
        }
    }

    private static void refuse(Message in, String origin, String reason) {
        in.setHeader(WorkOrderRequests.REFUSED, reason);
        LOG.warn("Work order request {} refused: {}", origin, reason);
    }

    private static String required(Message in, String header) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new ValidationException(header, "is required");
        }
        return value.strip();
    }

    private static WorkOrderType type(String value) {
        try {
            return WorkOrderType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(WorkOrderRequests.TYPE, "must be INSTALL, REMOVE or REPLACE, not " + value);
        }
    }

    private static Phase phase(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Phase.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(WorkOrderRequests.PHASE, "must be SINGLE or THREE, not " + value);
        }
    }
}
