package org.countygrid.metering.event;

import java.time.Instant;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/**
 * {@code metering.meter-installed}: a work order installed a meter at an account (装表).
 */
public record MeterInstalled(OfficeCode office, long orderId, String accountNumber, String barcode,
        String commAddress, String worker, Instant installedAt) implements DomainEvent {

    public static final String TYPE = "metering.meter-installed";

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
        return accountNumber;
    }
}
