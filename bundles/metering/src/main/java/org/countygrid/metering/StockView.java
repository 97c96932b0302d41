package org.countygrid.metering;

import java.util.List;
import java.util.Map;

/**
 * The office's meter stock: every state with its count (zeros included), meters in stock and verified per warehouse
 * (库房), pre-issued and received meters per supply station and per turnover cabinet (周转柜) they left, received and
 * removed meters per field worker.
 */
public record StockView(Map<MeterState, Long> byState, List<StockCount> byWarehouse, List<StockCount> byStation,
        List<StockCount> byCabinet, List<StockCount> byWorker) {

    public StockView {
        byState = Map.copyOf(byState);
        byWarehouse = List.copyOf(byWarehouse);
        byStation = List.copyOf(byStation);
        byCabinet = List.copyOf(byCabinet);
        byWorker = List.copyOf(byWorker);
    }
}
