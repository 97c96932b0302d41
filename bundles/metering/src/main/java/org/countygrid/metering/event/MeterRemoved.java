package org.countygrid.metering.event;

import java.time.Instant;

import org.countygrid.metering.FinalReadings;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/**
 * {@code metering.meter-removed}: a work order removed the meter of an account (拆表), with its final readings.
 */
public record MeterRemoved(OfficeCode office, long orderId, String accountNumber, String barcode,
        FinalReadings finalReadings, String worker, Instant removedAt) implements DomainEvent {

    public static final String TYPE = "metering.meter-removed";

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
