package org.countygrid.platform.integration.internal.route;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.countygrid.platform.integration.RouteLoadError;

/** The sources (route files, module builders) whose current version failed to load, by source label. */
public class RouteLoadErrors {

    private final Clock clock;
    private final Map<String, RouteLoadError> errors = new ConcurrentHashMap<>();

    public RouteLoadErrors(Clock clock) {
        this.clock = clock;
    }

    public void report(String source, String message) {
        errors.put(source, new RouteLoadError(source, message, clock.instant()));
    }

    public void clear(String source) {
        errors.remove(source);
    }

    public List<RouteLoadError> all() {
        return errors.values().stream().sorted(Comparator.comparing(RouteLoadError::source)).toList();
    }
}
