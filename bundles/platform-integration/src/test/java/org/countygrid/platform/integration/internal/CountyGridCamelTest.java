package org.countygrid.platform.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.integration.RouteInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CountyGridCamelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private CountyGridCamel runtime;

    private CountyGridCamel start(boolean jmx) {
        DefaultCamelContext camel = new DefaultCamelContext();
        if (!jmx) {
            camel.disableJMX();
        }
        runtime = new CountyGridCamel(camel, clock, null);
        return runtime;
    }

    @AfterEach
    void stop() {
        runtime.deactivate();
    }

    /** A module's RouteBuilder: one route that fails on "boom", and one calling it through direct:. */
    static RouteBuilder customersRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-opened").routeId("customers-welcome")
                        .choice().when(body().isEqualTo("boom")).throwException(new IllegalStateException("no phone number"))
                        .end().setBody(constant("welcomed"));
                from("direct:customers-nightly").routeId("customers-nightly").to("direct:customers.account-opened");
            }
        };
    }

    private RouteInfo route(String id) {
        return runtime.routes().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void contextIsNamedCountygridAndStarted() {
        CamelContext camel = start(true).camel();
        assertThat(camel.getName()).isEqualTo("countygrid");
        assertThat(camel.isStarted()).isTrue();
    }

    @Test
    void moduleRoutesComeAndGoWithTheirBuilder() {
        start(true).addModuleRoutes("service:7", "bundle org.countygrid.customers", customersRoutes());

        assertThat(runtime.routes()).extracting(RouteInfo::id).containsExactly("customers-nightly", "customers-welcome");
        assertThat(route("customers-welcome").source()).isEqualTo("bundle org.countygrid.customers");
        assertThat(route("customers-welcome").state()).isEqualTo("Started");

        runtime.removeModuleRoutes("service:7");
        assertThat(runtime.routes()).isEmpty();
    }

    @Test
    void brokenModuleBuilderIsReportedUnderItsBundle() {
        start(true).addModuleRoutes("service:8", "bundle org.countygrid.cards", new RouteBuilder() {
            @Override
            public void configure() {
                from("nosuchcomponent:cards").routeId("cards-sync").to("log:cards");
            }
        });
        assertThat(runtime.routes()).isEmpty();
        assertThat(runtime.loadErrors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("bundle org.countygrid.cards");
            assertThat(e.message()).contains("nosuchcomponent");
        });

        runtime.removeModuleRoutes("service:8");
        assertThat(runtime.loadErrors()).isEmpty();
    }

    @Test
    void countsExchangesAndRemembersTheLastErrorWithManagement() {
        countsExchangesAndRemembersTheLastError(true);
        // managed statistics count what reached a route through direct: as well
        assertThat(route("customers-welcome").exchangesTotal()).isEqualTo(4);
    }

    @Test
    void countsExchangesAndRemembersTheLastErrorWithoutManagement() {
        countsExchangesAndRemembersTheLastError(false);
        // without JMX only exchanges that began in the route are counted
        assertThat(route("customers-welcome").exchangesTotal()).isEqualTo(3);
    }

    private void countsExchangesAndRemembersTheLastError(boolean jmx) {
        start(jmx).addModuleRoutes("service:7", "bundle org.countygrid.customers", customersRoutes());
        var producer = runtime.camel().createProducerTemplate();
        producer.sendBody("direct:customers.account-opened", "a");
        producer.sendBody("direct:customers.account-opened", "b");
        producer.send("direct:customers.account-opened", e -> e.getMessage().setBody("boom"));
        producer.sendBody("direct:customers-nightly", "c");

        RouteInfo welcome = route("customers-welcome");
        assertThat(welcome.exchangesFailed()).isEqualTo(1);
        assertThat(welcome.exchangesInflight()).isZero();
        assertThat(welcome.lastError()).contains("no phone number");
        assertThat(welcome.lastErrorAt()).isEqualTo(clock.instant());
        assertThat(route("customers-nightly").lastError()).isNull();
    }

    @Test
    void stopsAndStartsARoute() {
        start(true).addModuleRoutes("service:7", "bundle org.countygrid.customers", customersRoutes());

        runtime.stopRoute("customers-welcome");
        assertThat(route("customers-welcome").state()).isEqualTo("Stopped");

        runtime.startRoute("customers-welcome");
        assertThat(route("customers-welcome").state()).isEqualTo("Started");
    }

    @Test
    void unknownRouteIsNotFound() {
        start(true);
        assertThatThrownBy(() -> runtime.stopRoute("nope")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.status()).isEqualTo(404));
    }
}
