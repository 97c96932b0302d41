package org.countygrid.customers.event;

import java.time.Instant;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/** {@code customers.station-added}: staff added a supply station (供电所) to the office. */
public record StationAdded(OfficeCode office, String code, String name, Instant addedAt) implements DomainEvent {

    public static final String TYPE = "customers.station-added";

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
        return code;
    }
}
