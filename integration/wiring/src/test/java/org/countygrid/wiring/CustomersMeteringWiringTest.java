package org.countygrid.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.countygrid.metering.AccountChanges;
import org.countygrid.metering.WorkOrderRequests;
import org.countygrid.platform.integration.EventHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route file as platform-integration loads it, with a recorder standing in for metering's request endpoint: a
 * relayed {@code customers.account-opened} becomes an INSTALL request for that account, keyed by the event.
 */
class CustomersMeteringWiringTest {

    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private final List<Object> changes = new CopyOnWriteArrayList<>();
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(WorkOrderRequests.ENDPOINT).process(e -> requests.add(Map.copyOf(e.getMessage().getHeaders())));
                from(AccountChanges.ENDPOINT).process(e -> changes.add(List.of(e.getMessage().getBody(String.class),
                        Map.copyOf(e.getMessage().getHeaders()))));
            }
        });
        byte[] yaml;
        try (InputStream in = getClass().getResourceAsStream("/OSGI-INF/routes/customers-metering.yaml")) {
            yaml = in.readAllBytes();
        }
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromBytes("customers-metering.yaml", yaml));
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    /** The relay's delivery of a customers event about account 3300000401 to metering's subscription. */
    private void relay(String type, long sequence) {
        camel.createProducerTemplate().sendBodyAndHeaders(EventHeaders.endpointFor(type, "metering"),
                "{\"number\":\"3300000401\"}", Map.of(EventHeaders.TYPE, type, EventHeaders.OFFICE, "QS",
                        EventHeaders.SUBJECT, "3300000401", EventHeaders.SEQUENCE, sequence, EventHeaders.VERSION, 1));
    }

    @Test
    void anOpenedAccountBecomesAnInstallRequestKeyedByTheEvent() {
        relay("customers.account-opened", 42L);

        assertThat(requests).hasSize(1);
        Map<String, Object> request = requests.get(0);
        assertThat(request).containsEntry(WorkOrderRequests.TYPE, "INSTALL")
                .containsEntry(WorkOrderRequests.ACCOUNT, "3300000401")
                .containsEntry(WorkOrderRequests.ORIGIN, "customers.account-opened#42")
                .containsEntry(WorkOrderRequests.OFFICE, "QS")
                .doesNotContainKey(WorkOrderRequests.WORKER);
        assertThat((String) request.get(WorkOrderRequests.NOTE)).contains("新装");
    }

    @Test
    void aClosedAccountBecomesARemoveRequestKeyedByTheEvent() {
        relay("customers.account-closed", 57L);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request).containsEntry(WorkOrderRequests.TYPE, "REMOVE")
                    .containsEntry(WorkOrderRequests.ACCOUNT, "3300000401")
                    .containsEntry(WorkOrderRequests.ORIGIN, "customers.account-closed#57")
                    .containsEntry(WorkOrderRequests.OFFICE, "QS");
            assertThat((String) request.get(WorkOrderRequests.NOTE)).contains("销户");
        });
    }

    @Test
    void aChangedAccountGoesToMeteringAsItIs() {
        relay("customers.account-changed", 61L);

        assertThat(requests).isEmpty();
        assertThat(changes).singleElement().isEqualTo(List.of("{\"number\":\"3300000401\"}",
                Map.of(EventHeaders.TYPE, "customers.account-changed", EventHeaders.OFFICE, "QS", EventHeaders.SUBJECT,
                        "3300000401", EventHeaders.SEQUENCE, 61L, EventHeaders.VERSION, 1)));
    }

    @Test
    void itSubscribesBesideOtherConsumersOfTheEvent() {
        assertThat(camel.getRoutes()).anySatisfy(route -> assertThat(route.getEndpoint().getEndpointUri())
                .isEqualTo("direct://customers.account-opened/metering"));
    }
}
