package org.countygrid.metering;

import java.math.BigDecimal;

/**
 * The old meter's last register values in kWh with at most two decimals (示数: total, peak, flat, valley) and the
 * ERR code its display showed, if any.
 */
public record FinalReadings(BigDecimal totalKwh, BigDecimal peakKwh, BigDecimal flatKwh, BigDecimal valleyKwh,
        String errCode) {
}
