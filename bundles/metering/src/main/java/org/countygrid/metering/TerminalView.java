package org.countygrid.metering;

import java.time.LocalDate;

/**
 * A collection terminal, where it is in the asset lifecycle, the warehouse (库房) that keeps it while in stock or
 * verified, the transformer area it is installed in and how many meters hang under it.
 */
public record TerminalView(String assetNumber, String address, TerminalKind kind, String manufacturer,
        LocalDate verifiedOn, MeterState state, String warehouseCode, String stationCode, String cabinetCode,
        String holder, String areaCode, long meters, long version) {
}
