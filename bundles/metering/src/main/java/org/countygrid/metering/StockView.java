package org.countygrid.metering;

import java.util.List;
import java.util.Map;

/**
 * The office's meter stock: every state with its count (zeros included), pre-issued meters per supply station
 * and received meters per field worker.
 */
public record StockView(Map<MeterState, Long> byState, List<StockCount> byStation, List<StockCount> byWorker) {

    public StockView {
        byState = Map.copyOf(byState);
        byStation = List.copyOf(byStation);
        byWorker = List.copyOf(byWorker);
    }
}
