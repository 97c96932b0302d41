package org.countygrid.metering;

import java.time.Instant;

/** One audit row of a meter's history: a transition with who, when, which device and where. */
public record MeterTransitionView(String barcode, MeterState from, MeterState to, String actor, Instant at,
        String deviceId, String location, String detail) {
}
