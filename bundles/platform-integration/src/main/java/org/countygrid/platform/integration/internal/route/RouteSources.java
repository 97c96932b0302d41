package org.countygrid.platform.integration.internal.route;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds and removes the routes of one source (a module's RoutesBuilder service, a file of the routes folder)
 * as a unit, and remembers which source each route came from. Camel silently replaces a route whose id is
 * already taken, so a builder that reuses another source's route id is refused before anything changes.
 */
public class RouteSources {

    private static final Logger LOG = LoggerFactory.getLogger(RouteSources.class);

    private final CamelContext camel;
    private final Consumer<String> removedRoutes;
    /** source key -> route ids, in the order they were added. */
    private final Map<String, Set<String>> idsBySource = new LinkedHashMap<>();
    private final Map<String, String> labelBySource = new LinkedHashMap<>();
    /** Read without the lock: listing routes must not wait for a slow route start. */
    private final Map<String, String> labelByRoute = new ConcurrentHashMap<>();
    /**
     * Written while routes are added, replaced or removed; read by the outbox relay for a whole pass. An event whose
     * subscribing route is being replaced would otherwise find no started subscriber and go to nobody.
     */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();

    /** {@code removedRoutes} hears the id of every route removed here, e.g. to drop its statistics. */
    public RouteSources(CamelContext camel, Consumer<String> removedRoutes) {
        this.camel = camel;
        this.removedRoutes = removedRoutes;
    }

    public CamelContext camel() {
        return camel;
    }

    /**
     * Replaces the routes of {@code source} (a key unique per source, shown as {@code label}) with the builder's.
     * The builder is configured and its route ids checked first, so a broken builder changes nothing. If adding
     * fails after that, every route it had already added is removed again (the source then has no routes) and
     * the exception is rethrown.
     */
    public Set<String> replace(String source, String label, RoutesBuilder builder) throws Exception {
        changes.writeLock().lock();
        try {
            return replaceLocked(source, label, builder);
        } finally {
            changes.writeLock().unlock();
        }
    }

    private Set<String> replaceLocked(String source, String label, RoutesBuilder builder) throws Exception {
        if (builder instanceof RouteBuilder routeBuilder) {
            // configures once; addRoutes below reuses the configured model instead of running configure() again
            checkIdsFree(source, routeBuilder.configureRoutes(camel).getRoutes().stream()
                    .filter(RouteDefinition::hasCustomIdAssigned).map(RouteDefinition::getId).toList());
        }
        remove(source);
        Set<String> before = currentIds();
        try {
            camel.addRoutes(builder);
        } catch (Exception e) {
            Set<String> added = currentIds();
            added.removeAll(before);
            removeQuietly(added);
            if (builder instanceof RouteBuilder routeBuilder) {
                removeDefinitionsQuietly(routeBuilder);
            }
            throw e;
        }
        Set<String> added = currentIds();
        added.removeAll(before);
        idsBySource.put(source, new LinkedHashSet<>(added));
        labelBySource.put(source, label);
        added.forEach(id -> labelByRoute.put(id, label));
        LOG.info("Added routes {} from {}", added, label);
        return added;
    }

    /** Stops and removes every route of the source; nothing happens for an unknown source. */
    public void remove(String source) {
        changing(() -> {
            Set<String> ids = idsBySource.remove(source);
            String label = labelBySource.remove(source);
            if (ids != null && !ids.isEmpty()) {
                ids.forEach(labelByRoute::remove);
                removeQuietly(ids);
                LOG.info("Removed routes {} of {}", ids, label);
            }
        });
    }

    public Set<String> routeIds(String source) {
        changes.readLock().lock();
        try {
            return Set.copyOf(idsBySource.getOrDefault(source, Set.of()));
        } finally {
            changes.readLock().unlock();
        }
    }

    /** The routes of the source that are stopped right now (an admin's route-stop), to keep them so. */
    public Set<String> stoppedRoutes(String source) {
        Set<String> stopped = new HashSet<>();
        for (String id : routeIds(source)) {
            if (camel.getRouteController().getRouteStatus(id) == ServiceStatus.Stopped) {
                stopped.add(id);
            }
        }
        return stopped;
    }

    /** Stops these routes again, e.g. after their file's last good version was brought back. */
    public void stop(Set<String> ids) {
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id);
            } catch (Exception e) {
                LOG.warn("Could not stop route {} again: {}", id, e.getMessage());
            }
        }
    }

    /** Runs a change of routes (several replace/remove steps) as one, with the relay held off. */
    public void changing(Runnable change) {
        changes.writeLock().lock();
        try {
            change.run();
        } finally {
            changes.writeLock().unlock();
        }
    }

    /** Runs work (a relay pass) while no route is being added, replaced or removed. */
    public <T> T whileUnchanged(Supplier<T> work) {
        changes.readLock().lock();
        try {
            return work.get();
        } finally {
            changes.readLock().unlock();
        }
    }

    /** The label of the source the route came from; routes added to the context directly have none. */
    public Optional<String> labelOf(String routeId) {
        return Optional.ofNullable(labelByRoute.get(routeId));
    }

    /**
     * Who consumes the endpoint now: "route x of file a.yaml", for the message of a file refused because a
     * {@code direct:} endpoint has its one consumer already; empty when no route of the context consumes it.
     */
    public Optional<String> consumerOf(String endpointUri) {
        String wanted = normalized(endpointUri);
        return camel.getRoutes().stream().filter(r -> normalized(r.getEndpoint().getEndpointUri()).equals(wanted))
                .findFirst().map(r -> "route " + r.getRouteId() + labelOf(r.getRouteId()).map(l -> " of " + l).orElse(""));
    }

    private static String normalized(String uri) {
        String plain = uri.replaceFirst("^([a-z][a-z0-9+.-]*):/+", "$1:");
        int query = plain.indexOf('?');
        return query < 0 ? plain : plain.substring(0, query);
    }

    private void checkIdsFree(String source, Iterable<String> wanted) {
        Set<String> own = idsBySource.getOrDefault(source, Set.of());
        Set<String> taken = currentIds();
        for (String id : wanted) {
            if (taken.contains(id) && !own.contains(id)) {
                String owner = labelOf(id).orElse("another source");
                throw new RouteIdTaken("route id " + id + " is already used by " + owner);
            }
        }
    }

    private Set<String> currentIds() {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toCollection(HashSet::new));
    }

    private void removeQuietly(Set<String> ids) {
        for (String id : ids) {
            try {
                RouteDefinition definition = camel instanceof ModelCamelContext model ? model.getRouteDefinition(id) : null;
                if (definition != null) {
                    // stops and removes the route and also forgets its definition
                    ((ModelCamelContext) camel).removeRouteDefinition(definition);
                } else {
                    camel.getRouteController().stopRoute(id);
                    camel.removeRoute(id);
                }
            } catch (Exception e) {
                LOG.warn("Could not remove route {}: {}", id, e.getMessage());
            }
            removedRoutes.accept(id);
        }
    }

    /** A builder that failed half way leaves definitions in the model even for routes that never started. */
    private void removeDefinitionsQuietly(RouteBuilder builder) {
        if (camel instanceof ModelCamelContext model) {
            for (RouteDefinition definition : builder.getRouteCollection().getRoutes()) {
                try {
                    model.removeRouteDefinition(definition);
                } catch (Exception e) {
                    LOG.debug("Could not remove definition {}: {}", definition.getId(), e.getMessage());
                }
            }
        }
    }
}
