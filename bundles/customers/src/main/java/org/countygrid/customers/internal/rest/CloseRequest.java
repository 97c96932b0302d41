package org.countygrid.customers.internal.rest;

import java.util.OptionalLong;

/** Body of {@code POST /customers/accounts/{number}/close}: the reason, and the version the page was loaded at. */
public record CloseRequest(String reason, Long version) {

    OptionalLong expectedVersion() {
        return org.countygrid.platform.api.rest.IfMatch.version("version", version);
    }
}
