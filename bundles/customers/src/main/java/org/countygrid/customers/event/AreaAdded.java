package org.countygrid.customers.event;

import java.time.Instant;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/** {@code customers.area-added}: staff added a transformer area (台区) to a supply station of the office. */
public record AreaAdded(OfficeCode office, String code, String name, String stationCode, int capacityKva,
        Instant addedAt) implements DomainEvent {

    public static final String TYPE = "customers.area-added";

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
