package org.countygrid.metering;

import java.util.List;
import java.util.Map;

/**
 * The office's meter stock: every state with its count (zeros included), meters in stock and verified per warehouse
 * (库房), pre-issued and received meters per supply station and per turnover cabinet (周转柜) they left, received and
 * removed meters per field worker; and collection terminals (集中器/采集器) in stock and verified per warehouse.
 */
public record StockView(Map<MeterState, Long> byState, List<StockCount> byWarehouse, List<StockCount> byStation,
        List<StockCount> byCabinet, List<StockCount> byWorker, List<StockCount> terminalsByWarehouse) {

    public StockView {
        byState = Map.copyOf(byState);
        byWarehouse = List.copyOf(byWarehouse);
        byStation = List.copyOf(byStation);
        byCabinet = List.copyOf(byCabinet);
        byWorker = List.copyOf(byWorker);
        terminalsByWarehouse = List.copyOf(terminalsByWarehouse);
    }
}
