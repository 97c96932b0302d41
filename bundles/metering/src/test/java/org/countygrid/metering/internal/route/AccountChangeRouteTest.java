package org.countygrid.metering.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.countygrid.metering.AccountChanges;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.platform.api.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint in a real Camel context: which changes it follows, with what, and that a change the service could not
 * follow goes back to the relay. The service behind it is recorded here (its own rules: TopologyServiceTest, PlatformIT end to end).
 */
class AccountChangeRouteTest {

    private final List<List<Object>> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger staleFirst = new AtomicInteger();
    private CamelContext camel;

    private void start() throws Exception {
        WorkOrderService orders = (WorkOrderService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { WorkOrderService.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("followAccount")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add(List.of(String.valueOf(args[1]), String.valueOf(args[2]), String.valueOf(args[3])));
                    if (staleFirst.getAndDecrement() > 0) {
                        throw Problem.stale("the work order was changed by someone else meanwhile; reload it and try again");
                    }
                    return null;
                });
        camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(new AccountChangeRoute(orders));
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Exchange relay(String changes) {
        return camel.createProducerTemplate().send(AccountChanges.ENDPOINT, e -> {
            e.getMessage().setBody("{\"office\":\"QS\",\"number\":\"3101000020\",\"changes\":" + changes
                    + ",\"accountVersion\":2}");
            e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(AccountChanges.OFFICE, "QS",
                    AccountChanges.EVENT_TYPE, "customers.account-changed", AccountChanges.SEQUENCE, 12L)));
        });
    }

    @Test
    void anAddressOrAreaChangeIsFollowedWithTheAddressBefore() throws Exception {
        start();

        relay("[{\"field\":\"address\",\"before\":\"东风路47号\",\"after\":\"东风路49号\"},"
                + "{\"field\":\"areaCode\",\"before\":\"CG-T001\",\"after\":\"CG-T002\"}]");
        relay("[{\"field\":\"areaCode\",\"before\":\"CG-T002\",\"after\":\"CG-T001\"}]");
        relay("[{\"field\":\"phone\",\"before\":\"13598632532\",\"after\":\"13598632533\"}]");

        assertThat(calls).containsExactly(
                List.of("3101000020", "东风路47号", "customers.account-changed#12"),
                List.of("3101000020", "null", "customers.account-changed#12"));
    }

    @Test
    void aChangeTheServiceCouldNotFollowGoesBackToTheRelay() throws Exception {
        staleFirst.set(1); // the service tried again already (StaleWrites.retried): the relay delivers the event later
        start();

        Exchange failed = relay("[{\"field\":\"areaCode\",\"before\":\"CG-T001\",\"after\":\"CG-T002\"}]");

        assertThat(failed.getException()).isInstanceOf(Problem.class);
        assertThat(calls).hasSize(1);
    }
}
