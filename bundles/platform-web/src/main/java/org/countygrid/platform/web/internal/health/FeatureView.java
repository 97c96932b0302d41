package org.countygrid.platform.web.internal.health;

import java.util.List;

/** What health needs to know of one installed CountyGrid feature. */
public record FeatureView(String name, List<BundleView> bundles) {

    public FeatureView {
        bundles = List.copyOf(bundles);
    }

    /**
     * One bundle of the feature: {@code state} is null when it is active (or a fragment, which never is), and
     * the problems of its Declarative Services components (unsatisfied references, failed activations).
     */
    public record BundleView(String name, String state, List<String> componentProblems) {

        public BundleView {
            componentProblems = List.copyOf(componentProblems);
        }

        public static BundleView ready(String name) {
            return new BundleView(name, null, List.of());
        }
    }
}
