package org.countygrid.metering.event;

import java.time.Instant;

import org.countygrid.metering.FinalReadings;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/**
 * {@code metering.meter-replaced}: a work order replaced an account's meter (换表): the old meter's final
 * readings and, for a prepaid meter, its residual balance in fen (negative for an overdraft; null when the old
 * meter is not prepaid); the cards module carries the balance over.
 */
public record MeterReplaced(OfficeCode office, long orderId, String accountNumber, String oldBarcode,
        String newBarcode, String newCommAddress, FinalReadings oldFinalReadings, Long residualBalanceFen,
        String worker, Instant replacedAt) implements DomainEvent {

    public static final String TYPE = "metering.meter-replaced";

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
