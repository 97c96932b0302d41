package org.countygrid.customers.event;

import java.time.Instant;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/**
 * {@code customers.accounts-imported}: a bulk import stored these counts. One event for the whole import, so
 * consumers that need the accounts read them through the API.
 */
public record AccountsImported(OfficeCode office, int stations, int areas, int accounts, Instant importedAt)
        implements DomainEvent {

    public static final String TYPE = "customers.accounts-imported";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String subject() {
        return office.value();
    }
}
