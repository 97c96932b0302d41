package org.countygrid.platform.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a moment reads to county staff outside the console: China Standard Time to the second, with the zone named,
 * as the console shows it. The shell's commands print times this way, never as UTC with nanoseconds
 * ({@code 2026-11-27T19:39:41.123456789Z}) or in the server's own zone without saying which.
 */
public final class OfficeTime {

    /** The zone of every county office (China has one). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private OfficeTime() {
    }

    /** {@code 2026-11-28 03:39:41}, China time; "-" for none. */
    public static String format(Instant at) {
        return at == null ? "-" : FORMAT.format(at);
    }

    /** A column heading or a line that says its times are China time: {@code "Locked until (China time)"}. */
    public static String label(String what) {
        return what + " (China time)";
    }
}
