package org.countygrid.customers.event;

import java.time.Instant;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/** {@code customers.account-closed}: an account was closed (销户); its data stays. */
public record AccountClosed(OfficeCode office, String number, String reason, Instant closedAt) implements DomainEvent {

    public static final String TYPE = "customers.account-closed";

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
        return number;
    }
}
