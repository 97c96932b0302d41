package org.countygrid.metering;

import java.math.BigDecimal;
import java.time.Instant;

/** One register value (cumulative kWh, at most two decimals) of a meter at a time, as a channel delivers it. */
public record NewReading(String barcode, ReadingKind kind, Instant readAt, Register register, BigDecimal kwh) {
}
