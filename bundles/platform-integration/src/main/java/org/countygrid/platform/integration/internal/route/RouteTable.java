package org.countygrid.platform.integration.internal.route;

import java.util.Comparator;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.integration.RouteControl;
import org.countygrid.platform.integration.RouteInfo;
import org.countygrid.platform.integration.RouteLoadError;
import org.countygrid.platform.integration.internal.route.RouteActivity.Counts;
import org.countygrid.platform.integration.internal.route.RouteActivity.LastError;

/**
 * Reads the routes of the context with their statistics. Counters come from Camel's managed routes (JMX
 * management, on by default with camel-management); with management off they fall back to the exchanges
 * {@link RouteActivity} counted per originating route, which does not count exchanges a route received
 * from another route through {@code direct:}.
 */
public class RouteTable implements RouteControl {

    private final CamelContext camel;
    private final RouteSources sources;
    private final RouteActivity activity;
    private final RouteLoadErrors errors;

    public RouteTable(CamelContext camel, RouteSources sources, RouteActivity activity, RouteLoadErrors errors) {
        this.camel = camel;
        this.sources = sources;
        this.activity = activity;
        this.errors = errors;
    }

    @Override
    public List<RouteInfo> routes() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        return camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId))
                .map(route -> info(route.getRouteId(), managed)).toList();
    }

    @Override
    public List<RouteLoadError> loadErrors() {
        return errors.all();
    }

    @Override
    public void startRoute(String routeId) {
        requireRoute(routeId);
        try {
            camel.getRouteController().startRoute(routeId);
        } catch (Exception e) {
            throw new Problem(409, "Conflict", "route " + routeId + " did not start: " + e.getMessage());
        }
    }

    @Override
    public void stopRoute(String routeId) {
        requireRoute(routeId);
        try {
            camel.getRouteController().stopRoute(routeId);
        } catch (Exception e) {
            throw new Problem(409, "Conflict", "route " + routeId + " did not stop: " + e.getMessage());
        }
    }

    private void requireRoute(String routeId) {
        if (routeId == null || camel.getRoute(routeId) == null) {
            throw new Problem(404, "Not Found", "there is no route with id " + routeId);
        }
    }

    private RouteInfo info(String id, ManagedCamelContext managed) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(id);
        String state = status == null ? "Unknown" : status.name();
        LastError error = activity.lastError(id).orElse(null);
        String source = sources.labelOf(id).orElse("context");
        ManagedRouteMBean stats = managedRoute(managed, id);
        long total;
        long failed;
        long inflight;
        if (stats != null) {
            total = stats.getExchangesTotal();
            failed = stats.getExchangesFailed();
            inflight = stats.getExchangesInflight();
        } else {
            Counts counts = activity.counts(id);
            total = counts.total();
            failed = counts.failed();
            inflight = camel.getInflightRepository().size(id);
        }
        return new RouteInfo(id, source, state, total, failed, inflight,
                error == null ? null : error.message(), error == null ? null : error.at());
    }

    private static ManagedRouteMBean managedRoute(ManagedCamelContext managed, String id) {
        if (managed == null) {
            return null;
        }
        try {
            return managed.getManagedRoute(id);
        } catch (RuntimeException e) {
            // the MBean server may refuse a lookup; the fallback counters still answer
            return null;
        }
    }
}
