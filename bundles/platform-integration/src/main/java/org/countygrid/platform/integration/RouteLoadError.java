package org.countygrid.platform.integration;

import java.time.Instant;

/**
 * A source whose current version could not be loaded: a routes-folder file ({@code file orders.yaml}) or a
 * module's RoutesBuilder ({@code bundle org.countygrid.customers}). The previous routes of a file keep running.
 */
public record RouteLoadError(String source, String message, Instant at) {
}
