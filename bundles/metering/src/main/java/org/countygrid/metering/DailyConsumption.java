package org.countygrid.metering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An account's consumption on one day (00:00 to 00:00 China Standard Time) from the daily frozen TOTAL readings of
 * the meters installed there that day — on the day of an installation or replacement from the new meter's infrared
 * reading and the old meter's final reading. {@code kwh} is null when a reading is missing ({@code complete}
 * false); {@code estimated} when an estimated reading was used.
 */
public record DailyConsumption(LocalDate day, BigDecimal kwh, boolean complete, boolean estimated, List<String> meters) {

    public DailyConsumption {
        meters = List.copyOf(meters);
    }
}
