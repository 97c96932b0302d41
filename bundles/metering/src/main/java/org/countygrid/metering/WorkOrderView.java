package org.countygrid.metering;

import java.time.Instant;
import java.util.List;

/** A work order with its meters (old one for REMOVE/REPLACE, scanned new one for INSTALL/REPLACE) and history. */
public record WorkOrderView(long id, WorkOrderType type, WorkOrderStatus status, String accountNumber,
        String address, String worker, Phase phase, String oldMeter, String newMeter, FinalReadings finalReadings,
        Instant createdAt, String createdBy, Instant completedAt, long version, List<WorkOrderStep> history) {

    public WorkOrderView {
        history = List.copyOf(history);
    }
}
