package org.countygrid.metering.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.countygrid.metering.WorkOrderRequests;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.internal.TestMetering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request endpoint in a real Camel context, on the real work order service of the test unit (H2). */
class WorkOrderRequestRouteTest {

    private final TestMetering metering = new TestMetering();
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(new WorkOrderRequestRoute(metering.orders));
    }

    @AfterEach
    void stop() {
        camel.stop();
        metering.close();
    }

    private Exchange send(Map<String, Object> headers) {
        return camel.createProducerTemplate().send(WorkOrderRequests.ENDPOINT, ExchangePattern.InOut,
                e -> e.getMessage().setHeaders(new HashMap<>(headers)));
    }

    private static Map<String, Object> request(String origin) {
        return Map.of(WorkOrderRequests.OFFICE, "QS", WorkOrderRequests.TYPE, "INSTALL",
                WorkOrderRequests.ACCOUNT, "3101000001", WorkOrderRequests.ORIGIN, origin,
                WorkOrderRequests.NOTE, "新装立户");
    }

    @Test
    void aRequestBecomesAnOrderOncePerOrigin() {
        Exchange first = send(request("customers.account-opened#5"));
        Exchange repeat = send(request("customers.account-opened#5"));

        assertThat(first.getException()).isNull();
        long id = first.getMessage().getHeader(WorkOrderRequests.ORDER_ID, Long.class);
        assertThat(repeat.getMessage().getHeader(WorkOrderRequests.ORDER_ID, Long.class)).isEqualTo(id);
        WorkOrderView order = metering.orders.order(operator(QS), id);
        assertThat(order.type()).isEqualTo(WorkOrderType.INSTALL);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(order.worker()).isNull();
        assertThat(order.createdBy()).isEqualTo("system");
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).items()).hasSize(1);
    }

    @Test
    void aRequestTheRulesRefuseIsAnsweredNotThrown() {
        send(request("customers.account-opened#5"));

        Exchange second = send(request("customers.account-opened#6"));
        Exchange badType = send(Map.of(WorkOrderRequests.OFFICE, "QS", WorkOrderRequests.TYPE, "PAINT",
                WorkOrderRequests.ACCOUNT, "3101000002", WorkOrderRequests.ORIGIN, "x#1"));
        Exchange noAccount = send(Map.of(WorkOrderRequests.OFFICE, "QS", WorkOrderRequests.TYPE, "INSTALL",
                WorkOrderRequests.ORIGIN, "x#2"));

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(WorkOrderRequests.REFUSED, String.class)).contains("under way");
        assertThat(badType.getMessage().getHeader(WorkOrderRequests.REFUSED, String.class)).contains("INSTALL, REMOVE or REPLACE");
        assertThat(noAccount.getMessage().getHeader(WorkOrderRequests.REFUSED, String.class)).contains(WorkOrderRequests.ACCOUNT);
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).items()).hasSize(1);
    }

    @Test
    void aStaleConflictIsThrownSoTheRelayDeliversTheEventAgain() throws Exception {
        // the real service, whose first request meets a worker's change of the same order at that moment
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        org.countygrid.metering.WorkOrderService racing = (org.countygrid.metering.WorkOrderService) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] { org.countygrid.metering.WorkOrderService.class },
                        (proxy, method, args) -> {
                            if (method.getName().equals("request") && once.compareAndSet(false, true)) {
                                throw org.countygrid.platform.api.Problem.stale("work order 1 was changed meanwhile");
                            }
                            try {
                                return method.invoke(metering.orders, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        camel.getRouteController().stopRoute(WorkOrderRequestRoute.ROUTE_ID);
        camel.removeRoute(WorkOrderRequestRoute.ROUTE_ID);
        camel.addRoutes(new WorkOrderRequestRoute(racing));

        Exchange first = send(request("customers.account-opened#5"));
        Exchange again = send(request("customers.account-opened#5"));

        assertThat(first.getException()).isInstanceOf(org.countygrid.platform.api.Problem.class);
        assertThat(first.getMessage().getHeader(WorkOrderRequests.REFUSED)).isNull();
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(WorkOrderRequests.ORDER_ID, Long.class)).isNotNull();
    }
}
