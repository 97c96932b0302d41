package org.countygrid.customers.event;

import java.time.Instant;

import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/** {@code customers.account-opened}: an account was opened (立户). */
public record AccountOpened(OfficeCode office, String number, String name, Category category,
        VoltageLevel voltageLevel, ImportantUserClass importantClass, String areaCode, Instant openedAt)
        implements DomainEvent {

    public static final String TYPE = "customers.account-opened";

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
