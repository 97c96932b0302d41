package org.countygrid.metering;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored reading with its validation outcome; {@code flags} lists notes such as GAP_BEFORE, {@code reason} why it failed. */
public record ReadingView(String barcode, ReadingKind kind, Instant readAt, Register register, BigDecimal kwh,
        ReadingStatus status, String reason, String flags) {
}
