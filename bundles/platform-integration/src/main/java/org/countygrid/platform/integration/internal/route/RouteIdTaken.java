package org.countygrid.platform.integration.internal.route;

/** A source's route id is held by another source; nothing of the refused source was changed. */
public class RouteIdTaken extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RouteIdTaken(String message) {
        super(message);
    }
}
