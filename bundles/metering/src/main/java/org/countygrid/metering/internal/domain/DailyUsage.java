package org.countygrid.metering.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.countygrid.metering.DailyConsumption;

/**
 * Daily consumption of one account from its meters' installation periods and daily frozen TOTAL readings. Pure.
 *
 * @param zone the time zone whose midnights bound a day (daily frozen readings are taken then)
 */
public record DailyUsage(ZoneId zone, List<Period> periods, Map<String, NavigableMap<Instant, Value>> readings) {

    /**
     * A meter at the account from {@code from} to {@code to} (null: still there); {@code startValue} is the meter's
     * reading when installed (infrared), {@code endValue} its final reading when removed, in hundredths of kWh.
     */
    public record Period(String barcode, Instant from, Instant to, Long startValue, Long endValue) {
    }

    /** A usable reading in hundredths of kWh. */
    public record Value(long hundredths, boolean estimated) {
    }

    public List<DailyConsumption> days(LocalDate first, LocalDate last) {
        List<DailyConsumption> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(day(d));
        }
        return days;
    }

    private DailyConsumption day(LocalDate day) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        long total = 0;
        boolean complete = true;
        boolean estimated = false;
        List<String> meters = new ArrayList<>();
        for (Period p : periods) {
            if (!p.from().isBefore(end) || (p.to() != null && !p.to().isAfter(start))) {
                continue; // not at the account that day
            }
            meters.add(p.barcode());
            NavigableMap<Instant, Value> values = readings.getOrDefault(p.barcode(), java.util.Collections.emptyNavigableMap());
            Long from;
            Long to;
            if (p.from().isAfter(start)) {
                from = p.startValue();
            } else {
                Value v = values.get(start);
                from = v == null ? null : v.hundredths();
                estimated |= v != null && v.estimated();
            }
            if (p.to() != null && p.to().isBefore(end)) {
                to = p.endValue();
            } else {
                Value v = values.get(end);
                to = v == null ? null : v.hundredths();
                estimated |= v != null && v.estimated();
            }
            if (from == null || to == null || to < from) {
                complete = false;
            } else {
                total += to - from;
            }
        }
        return new DailyConsumption(day, complete ? Kwh.of(total) : null, complete, estimated, meters);
    }
}
