package org.countygrid.platform.integration.internal;

import java.time.Clock;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.countygrid.platform.integration.RouteControl;
import org.countygrid.platform.integration.RouteInfo;
import org.countygrid.platform.integration.RouteLoadError;
import org.countygrid.platform.integration.internal.route.RouteActivity;
import org.countygrid.platform.integration.internal.route.RouteBundles;
import org.countygrid.platform.integration.internal.route.RouteFileParser;
import org.countygrid.platform.integration.internal.route.RouteLoadErrors;
import org.countygrid.platform.integration.internal.route.RouteSources;
import org.countygrid.platform.integration.internal.route.RouteTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Camel context "countygrid", started with this component and stopped with it, and registered as
 * a {@link CamelContext} service. Modules contribute routes by registering {@link RoutesBuilder} services:
 * their routes are added when the service appears and removed when it goes away. Bundles may also carry route
 * files under {@value RouteBundles#FOLDER} (the wirings between modules), added while the bundle is active.
 */
@Component(service = { RouteControl.class, CountyGridCamel.class }, immediate = true)
public class CountyGridCamel implements RouteControl {

    public static final String CONTEXT_NAME = "countygrid";

    private static final Logger LOG = LoggerFactory.getLogger(CountyGridCamel.class);

    private final CamelContext camel;
    private final RouteActivity activity;
    private final RouteSources sources;
    private final RouteLoadErrors errors;
    private final RouteTable table;
    private final ServiceRegistration<CamelContext> registration;
    /** Route files shipped in bundles (the wirings between modules); null in tests without OSGi. */
    private final BundleTracker<List<String>> routeBundles;
    /** Labels by source key, kept because a service being unregistered may no longer name its bundle. */
    private final Map<String, String> moduleLabels = new ConcurrentHashMap<>();

    @Activate
    public CountyGridCamel(BundleContext bundleContext) {
        this(new OsgiDefaultCamelContext(bundleContext), Clock.systemUTC(), bundleContext);
    }

    /** For tests: any CamelContext, no OSGi registration when {@code bundleContext} is null. */
    CountyGridCamel(CamelContext camel, Clock clock, BundleContext bundleContext) {
        this.camel = camel;
        camel.getCamelContextExtension().setName(CONTEXT_NAME);
        // a route that will not stop must not hold a bundle stop for the default 45 s
        camel.getShutdownStrategy().setTimeout(10);
        activity = new RouteActivity(clock);
        camel.getManagementStrategy().addEventNotifier(activity);
        // Camel logs no failed exchange itself: it wrote a stack trace and the message history at every retry of a held
        // subscriber, and the exception's text unmasked (an Authorization header, a password); RouteActivity writes one
        // masked ERROR line per route and minute instead, and the relay reports a failing subscriber itself (route-list,
        // the panel, its own WARN); a route's own errorHandler still decides for that route
        camel.getCamelContextExtension().setErrorHandlerFactory(new DefaultErrorHandlerDefinition().logExhausted(false)
                .logStackTrace(false).logExhaustedMessageHistory(false));
        camel.start();
        sources = new RouteSources(camel, activity::forget);
        errors = new RouteLoadErrors(clock);
        table = new RouteTable(camel, sources, activity, errors);
        registration = bundleContext == null ? null : register(bundleContext);
        routeBundles = bundleContext == null ? null : trackRouteBundles(bundleContext);
        LOG.info("Camel context {} started", CONTEXT_NAME);
    }

    @Deactivate
    void deactivate() {
        if (routeBundles != null) {
            routeBundles.close();
        }
        if (registration != null) {
            registration.unregister();
        }
        camel.stop();
        LOG.info("Camel context {} stopped", CONTEXT_NAME);
    }

    @Reference(service = RoutesBuilder.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRoutesBuilder(RoutesBuilder builder, ServiceReference<RoutesBuilder> reference) {
        addModuleRoutes(key(reference), label(reference), builder);
    }

    void removeRoutesBuilder(RoutesBuilder builder, ServiceReference<RoutesBuilder> reference) {
        removeModuleRoutes(key(reference));
    }

    /** A builder that fails is reported like a broken route file, under its bundle. */
    void addModuleRoutes(String key, String label, RoutesBuilder builder) {
        moduleLabels.put(key, label);
        try {
            sources.replace(key, label, builder);
            errors.clear(label);
        } catch (Exception e) {
            LOG.error("Routes of {} not added: {}", label, e.getMessage(), e);
            errors.report(label, e.getMessage());
        }
    }

    void removeModuleRoutes(String key) {
        sources.remove(key);
        String label = moduleLabels.remove(key);
        if (label != null) {
            errors.clear(label);
        }
    }

    public CamelContext camel() {
        return camel;
    }

    public RouteSources sources() {
        return sources;
    }

    public RouteLoadErrors errors() {
        return errors;
    }

    @Override
    public List<RouteInfo> routes() {
        return table.routes();
    }

    @Override
    public List<RouteLoadError> loadErrors() {
        return table.loadErrors();
    }

    @Override
    public void startRoute(String routeId) {
        table.startRoute(routeId);
    }

    @Override
    public void stopRoute(String routeId) {
        table.stopRoute(routeId);
    }

    private BundleTracker<List<String>> trackRouteBundles(BundleContext bundleContext) {
        RouteFileParser parser = new RouteFileParser(camel);
        BundleTracker<List<String>> tracker = new BundleTracker<>(bundleContext, Bundle.ACTIVE,
                new RouteBundles(parser::parse, new RouteBundles.Target() {
                    @Override
                    public void add(String key, String label, RoutesBuilder builder) {
                        addModuleRoutes(key, label, builder);
                    }

                    @Override
                    public void remove(String key) {
                        removeModuleRoutes(key);
                    }

                    @Override
                    public void failed(String key, String label, Exception e) {
                        moduleLabels.put(key, label);
                        LOG.error("Route file of {} not loaded: {}", label, e.getMessage());
                        errors.report(label, e.getMessage());
                    }
                }));
        tracker.open();
        return tracker;
    }

    private ServiceRegistration<CamelContext> register(BundleContext bundleContext) {
        Hashtable<String, Object> properties = new Hashtable<>();
        // the property names camel-karaf's own publisher uses, so its camel:* shell commands list it too
        properties.put("camel.context.name", CONTEXT_NAME);
        properties.put("camel.context.symbolicname", bundleContext.getBundle().getSymbolicName());
        return bundleContext.registerService(CamelContext.class, camel, properties);
    }

    private static String key(ServiceReference<?> reference) {
        return "service:" + reference.getProperty("service.id");
    }

    private static String label(ServiceReference<?> reference) {
        return "bundle " + reference.getBundle().getSymbolicName();
    }
}
