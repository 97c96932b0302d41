package org.countygrid.metering;

import java.time.Instant;
import java.util.List;

/**
 * A work order with its meters (old one for REMOVE/REPLACE, scanned new one for INSTALL/REPLACE), the old meter's
 * final readings, the new meter's readings taken by infrared, who signed the form, the files kept with it (photos,
 * signature, the completed form) and its history. {@code areaCode} is the account's transformer area when known.
 */
public record WorkOrderView(long id, WorkOrderType type, WorkOrderStatus status, String accountNumber,
        String address, String areaCode, String worker, Phase phase, String oldMeter, String newMeter,
        FinalReadings finalReadings, FinalReadings newMeterReadings, String signedBy, Instant createdAt,
        String createdBy, Instant completedAt, long version, List<OrderFileView> files, List<WorkOrderStep> history) {

    public WorkOrderView {
        files = List.copyOf(files);
        history = List.copyOf(history);
    }
}
