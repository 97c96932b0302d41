package org.countygrid.platform.integration;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The routes of the "countygrid" Camel context: what runs, where it came from, and how it is doing. */
@ProviderType
public interface RouteControl {

    /** Every route of the context, ordered by id. */
    List<RouteInfo> routes();

    /** Files of the routes folder that could not be loaded in their current version. */
    List<RouteLoadError> loadErrors();

    /** Starts a stopped route; a {@link org.countygrid.platform.api.Problem} 404 when there is no such route. */
    void startRoute(String routeId);

    /** Stops a route gracefully; a {@link org.countygrid.platform.api.Problem} 404 when there is no such route. */
    void stopRoute(String routeId);
}
