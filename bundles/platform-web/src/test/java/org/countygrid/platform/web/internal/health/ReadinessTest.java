package org.countygrid.platform.web.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.countygrid.platform.web.internal.health.FeatureView.BundleView;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void readyWhenEveryBundleIsActiveAndEveryComponentSatisfied() {
        List<FeatureView> features = List.of(
                new FeatureView("countygrid-platform", List.of(BundleView.ready("org.countygrid.platform.api"),
                        BundleView.ready("org.countygrid.platform.web"))),
                new FeatureView("countygrid-customers", List.of(BundleView.ready("org.countygrid.customers"))));

        assertThat(Readiness.problems(features)).isEmpty();
    }

    @Test
    void namesEachBundleNotActiveAndEachComponentWaiting() {
        List<FeatureView> features = List.of(new FeatureView("countygrid-customers", List.of(
                new BundleView("org.countygrid.customers", "RESOLVED", List.of()),
                new BundleView("org.countygrid.customers.console", null,
                        List.of("component CustomersPanel waits for accounts")))));

        assertThat(Readiness.problems(features)).containsExactly(
                "countygrid-customers: bundle org.countygrid.customers is RESOLVED",
                "countygrid-customers: component CustomersPanel waits for accounts");
    }

    @Test
    void noCountyGridFeatureMeansNothingToWaitFor() {
        assertThat(Readiness.problems(List.of())).isEmpty();
    }
}
