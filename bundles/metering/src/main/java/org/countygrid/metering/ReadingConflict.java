package org.countygrid.metering;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reading sent again for a meter, kind, time and register with another value than the one kept: the one stored
 * before (or, within one batch, its first copy) stands and this one is not taken. Two values for one register at one
 * moment mean a fault upstream — a frame read from the wrong meter, a concentrator's archive mapped to the wrong
 * address — that the sender must look into; a stored reading may already have been billed.
 */
public record ReadingConflict(String barcode, ReadingKind kind, Instant readAt, Register register, BigDecimal keptKwh,
        BigDecimal sentKwh) {
}
