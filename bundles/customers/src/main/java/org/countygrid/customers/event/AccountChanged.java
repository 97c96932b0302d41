package org.countygrid.customers.event;

import java.time.Instant;
import java.util.List;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/** {@code customers.account-changed}: fields of an account changed; each change names its JSON field. */
public record AccountChanged(OfficeCode office, String number, List<FieldChange> changes, long accountVersion,
        Instant changedAt) implements DomainEvent {

    public static final String TYPE = "customers.account-changed";

    /** One changed field, e.g. {@code phone} from {@code 13800000000} to {@code 13900000000}. */
    public record FieldChange(String field, String before, String after) {
    }

    public AccountChanged {
        changes = List.copyOf(changes);
    }

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
