package org.countygrid.platform.web.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.countygrid.platform.api.health.ReadinessCheck;
import org.countygrid.platform.web.internal.health.ReadinessChecks;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.web.SessionStore;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.UserAccounts;
import org.countygrid.platform.web.internal.security.JaasAuthenticator;
import org.countygrid.platform.web.internal.security.LoginGate;
import org.countygrid.platform.web.internal.session.SessionRegistry;
import org.countygrid.platform.web.internal.session.UserRoster;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JAX-RS server under /api. Every {@link RestResource} service of every bundle is published in it;
 * when the set changes (a feature installed or removed) the server is built anew, shortly after the last
 * change, so a feature with several resources causes one rebuild. The address is relative, on this bundle's own
 * CXF servlet ({@link ApiServlet}, registered with the HTTP whiteboard at /api/*) and destination registry; while
 * the server is (re)built, the servlet holds new requests back ({@link ApiGate}) instead of letting CXF answer 404.
 * The Bus is our own, created with CXF's class loader.
 */
@Component(immediate = true, service = ReadinessCheck.class, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
public final class ApiServer implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** How long a rebuild waits for the requests the old server is serving. */
    private static final Duration RUNNING_REQUESTS_WAIT = Duration.ofSeconds(10);

    private final Map<Long, RestResource> resources = new ConcurrentHashMap<>();
    private final List<Object> providers;
    private final List<Object> builtInResources;
    private final OpenApiResource openApi = new OpenApiResource();
    private final String version;
    private final long republishDelayMillis;
    private final Bus bus;
    private final HTTPTransportFactory transport;
    private final ApiGate gate = new ApiGate();
    private final ServiceRegistration<Servlet> servlet;
    private final ScheduledExecutorService publisher;
    private ScheduledFuture<?> pendingPublish;
    private volatile boolean closed;
    /** Written on the publisher thread, and by close() once the publisher has stopped. */
    private volatile Server server;

    @Activate
    public ApiServer(@Reference(policyOption = ReferencePolicyOption.GREEDY) SessionStore sessionStore,
            @Reference LoginRecords loginRecords, @Reference StaffAccounts staff, WebConfig configured,
            java.util.Map<String, Object> properties, BundleContext context) {
        WebConfig config = WebSettings.checked(configured, properties);
        DestinationRegistry destinations = new DestinationRegistryImpl();
        this.transport = new HTTPTransportFactory(destinations);
        SessionRegistry sessions = new SessionRegistry(sessionStore, Clock.systemUTC(),
                Duration.ofMinutes(config.sessionIdleMinutes()), Duration.ofHours(config.sessionMaxHours()));
        UserRoster roster = new UserRoster(() -> staff.accounts().map(UserAccounts::usersWithRoles),
                loginRecords::passwordChangedAt, Clock.systemUTC(), Duration.ofSeconds(2));
        LoginGate logins = new LoginGate(new JaasAuthenticator(JaasAuthenticator.KARAF_REALM),
                Duration.ofMillis(config.loginDelayMillis()), loginRecords.lockout());
        this.providers = List.of(JsonMapping.provider(JsonMapping.objectMapper()), new ProblemExceptionMapper(() -> ReadinessChecks.blockers(context)),
                new SecurityFilter(sessions, logins, roster));
        this.builtInResources = List.of(new AuthResource(sessions, logins, new SessionCookie(config.secureCookie()),
                staff::accounts, loginRecords), openApi);
        this.version = context.getBundle().getVersion().toString();
        this.republishDelayMillis = config.republishDelayMillis();
        this.bus = withClassLoader(Bus.class.getClassLoader(), () -> new CXFBusFactory().createBus());
        this.publisher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "countygrid-api-publisher"));
        this.servlet = context.registerService(Servlet.class,
                new ApiServlet(destinations, bus, gate, Duration.ofMillis(config.apiWaitMillis()),
                        new BodyLimit(Math.max(1, config.maxRequestKilobytes()) * 1024L)), servletProperties());
        publisher.scheduleWithFixedDelay(() -> purge(sessions), 1, 1, TimeUnit.MINUTES);
        // the first publication at once, so that login and health answer as early as possible
        synchronized (this) {
            pendingPublish = publisher.schedule(this::publish, 0, TimeUnit.MILLISECONDS);
        }
    }

    @Reference(service = RestResource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addResource(RestResource resource, Map<String, Object> properties) {
        resources.put((Long) properties.get(Constants.SERVICE_ID), resource);
        schedulePublish();
    }

    void removeResource(RestResource resource, Map<String, Object> properties) {
        resources.remove((Long) properties.get(Constants.SERVICE_ID));
        schedulePublish();
    }

    @Deactivate
    void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        publisher.shutdownNow();
        boolean stopped = publisher.awaitTermination(10, TimeUnit.SECONDS);
        if (!stopped) {
            LOG.warn("The REST API's publisher did not stop within 10 s; closing the API anyway");
        }
        // requests being served finish first; new ones get 503 until the servlet is gone
        gate.close(RUNNING_REQUESTS_WAIT);
        try {
            servlet.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping and its services are gone already
        } finally {
            try {
                destroyServer();
            } finally {
                bus.shutdown(true);
            }
        }
    }

    /**
     * The node is not ready while a change of the resource set waits to be published: republishing swaps the CXF
     * server (requests arriving meanwhile wait at the {@link ApiGate}).
     */
    @Override
    public synchronized Optional<String> blocker() {
        return pendingPublish != null && !pendingPublish.isDone()
                ? Optional.of("the REST API is being republished")
                : Optional.empty();
    }

    private synchronized void schedulePublish() {
        if (closed) {
            return;
        }
        if (pendingPublish != null) {
            pendingPublish.cancel(false);
        }
        pendingPublish = publisher.schedule(this::publish, republishDelayMillis, TimeUnit.MILLISECONDS);
    }

    private void publish() {
        List<Object> beans = new ArrayList<>(builtInResources);
        resources.values().stream().sorted(Comparator.comparing(r -> r.getClass().getName())).forEach(beans::add);
        updateOpenApi(beans);
        if (closed || Thread.currentThread().isInterrupted()) {
            return;
        }
        boolean held = gate.beginSwap(RUNNING_REQUESTS_WAIT);
        if (!held) {
            if (closed || Thread.currentThread().isInterrupted()) {
                return; // closing: close() takes the gate and destroys the server
            }
            LOG.warn("Requests still running after {} s; rebuilding the REST API under them", RUNNING_REQUESTS_WAIT.toSeconds());
        }
        try {
            swap(beans);
        } finally {
            gate.endSwap(held, server != null);
        }
    }

    private void swap(List<Object> beans) {
        destroyServer();
        try {
            server = create(beans);
            LOG.info("Published {} REST resources under /api", beans.size());
        } catch (RuntimeException | LinkageError e) {
            // one broken module (or one being refreshed under us) must not take login and health down with it
            LOG.error("Cannot publish the REST resources {}; publishing the built-in ones only", names(beans), e);
            try {
                server = create(builtInResources);
            } catch (RuntimeException | LinkageError again) {
                LOG.error("Cannot publish even the built-in REST resources", again);
            }
        }
    }

    private Server create(List<Object> beans) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/");
        // the transport whose destinations ApiServlet dispatches to
        factory.setDestinationFactory(transport);
        factory.setServiceBeans(new ArrayList<>(beans));
        factory.setProviders(providers);
        // keep it out of CXF's service list page
        factory.getProperties(true).put("org.apache.cxf.endpoint.private", Boolean.TRUE);
        return withClassLoader(JAXRSServerFactoryBean.class.getClassLoader(), factory::create);
    }

    private static Dictionary<String, Object> servletProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", "/api/*");
        properties.put("osgi.http.whiteboard.servlet.name", "countygrid-api");
        properties.put("servlet.init.hide-service-list-page", "true");
        properties.put("servlet.init.disable-address-updates", "true");
        return properties;
    }

    private void destroyServer() {
        if (server != null) {
            try {
                server.destroy();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the previous /api server failed", e);
            }
            server = null;
        }
    }

    private void updateOpenApi(List<Object> beans) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        beans.forEach(b -> classes.add(b.getClass()));
        // generated at the first request for it: a boot publishes several times and nobody reads the document then
        openApi.update(() -> {
            try {
                return OpenApiDocument.generate(classes, version);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Cannot generate the OpenAPI document for {}", names(beans), e);
                return OpenApiResource.EMPTY;
            }
        });
    }

    private static void purge(SessionRegistry sessions) {
        try {
            int gone = sessions.purgeIdle();
            if (gone > 0) {
                LOG.debug("Removed {} idle console sessions", gone);
            }
        } catch (RuntimeException e) {
            LOG.warn("Removing idle console sessions failed", e);
        }
    }

    private static List<String> names(List<Object> beans) {
        return beans.stream().map(b -> b.getClass().getName()).toList();
    }

    private static <T> T withClassLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
