package org.countygrid.platform.web.internal.health;

import java.util.ArrayList;
import java.util.List;

/** Whether the node is ready: every bundle of every installed CountyGrid feature active, every component satisfied. */
public final class Readiness {

    private Readiness() {
    }

    /** One readable line per thing not ready yet; empty when all is. */
    public static List<String> problems(List<FeatureView> features) {
        List<String> problems = new ArrayList<>();
        for (FeatureView feature : features) {
            for (FeatureView.BundleView bundle : feature.bundles()) {
                if (bundle.state() != null) {
                    problems.add(feature.name() + ": bundle " + bundle.name() + " is " + bundle.state());
                }
                for (String component : bundle.componentProblems()) {
                    problems.add(feature.name() + ": " + component);
                }
            }
        }
        return problems;
    }
}
