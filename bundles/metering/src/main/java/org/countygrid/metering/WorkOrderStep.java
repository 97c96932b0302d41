package org.countygrid.metering;

import java.time.Instant;

/** One entry of a work order's history: created, meter-scanned, suspended, handed-over, completed, … */
public record WorkOrderStep(String action, String actor, Instant at, String note) {
}
