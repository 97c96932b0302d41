package org.countygrid.metering;

import java.time.LocalDate;

/**
 * A meter as staff see it. {@code warehouseCode} is the warehouse (库房) that keeps it in stock and takes it back after
 * removal (null for an installed base taken over), {@code stationCode}/{@code cabinetCode} are set from pre-issue on,
 * {@code holder} (the field worker) from receipt on, {@code accountNumber} while installed.
 */
public record MeterView(String barcode, String assetNumber, String commAddress, Phase phase, FeeControl feeControl,
        String manufacturer, String accuracyClass, LocalDate verifiedOn, MeterState state, String warehouseCode,
        String stationCode, String cabinetCode, String holder, String accountNumber, long version) {
}
