package org.countygrid.metering;

/**
 * A meter arriving in stock: 22-digit barcode, asset number, communication address of 12 BCD digits, and the
 * nameplate data. Also one line of a delivery CSV.
 */
public record NewMeter(String barcode, String assetNumber, String commAddress, Phase phase, FeeControl feeControl,
        String manufacturer, String accuracyClass) {
}
