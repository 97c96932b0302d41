package org.countygrid.platform.web.internal.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.countygrid.platform.api.health.ReadinessCheck;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Reads the installed {@code countygrid-*} features, their bundles and components from the running container. */
public final class FeatureInspector {

    public static final String PREFIX = "countygrid-";

    private static final String OPTIONAL = "optional";

    private final FeaturesService features;
    private final ServiceComponentRuntime scr;
    private final BundleContext context;

    public FeatureInspector(FeaturesService features, ServiceComponentRuntime scr, BundleContext context) {
        this.features = features;
        this.scr = scr;
        this.context = context;
    }

    public List<FeatureView> installed() throws Exception {
        List<FeatureView> views = new ArrayList<>();
        Feature[] installed = features.listInstalledFeatures();
        Arrays.sort(installed, Comparator.comparing(Feature::getName));
        for (Feature feature : installed) {
            if (feature.getName().startsWith(PREFIX)) {
                views.add(new FeatureView(feature.getName(), bundles(feature)));
            }
        }
        return views;
    }

    private List<FeatureView.BundleView> bundles(Feature feature) {
        List<FeatureView.BundleView> views = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            // a dependency bundle is skipped by Karaf when something else already provides what it would
            if (info.isDependency() || info.isBlacklisted()) {
                continue;
            }
            Bundle bundle = context.getBundle(info.getLocation());
            if (bundle == null) {
                views.add(new FeatureView.BundleView(info.getLocation(), "not installed", List.of()));
            } else if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                views.add(FeatureView.BundleView.ready(bundle.getSymbolicName()));
            } else {
                String state = bundle.getState() == Bundle.ACTIVE ? null : stateName(bundle.getState());
                views.add(new FeatureView.BundleView(bundle.getSymbolicName(), state, componentProblems(bundle)));
            }
        }
        return views;
    }

    private List<String> componentProblems(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description) || OPTIONAL.equals(description.properties.get(ReadinessCheck.COMPONENT_PROPERTY))) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    problems.add("component " + description.name + " waits for " + Arrays.stream(configuration.unsatisfiedReferences)
                            .map(FeatureInspector::describe).collect(Collectors.joining(", ")));
                } else if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    // the failure itself (a JDBC error may name the database host or user) goes to the log, never to the
                    // health answer, which anyone who reaches port 8181 may read
                    problems.add("component " + description.name + " failed to activate (the node's log says why)");
                }
                // UNSATISFIED_CONFIGURATION is a component waiting for an optional per-instance configuration
            }
        }
        return problems;
    }

    private static String describe(UnsatisfiedReferenceDTO reference) {
        return reference.name + (reference.target != null ? " " + reference.target : "");
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
