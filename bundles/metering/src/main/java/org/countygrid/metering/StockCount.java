package org.countygrid.metering;

/** How many meters one holder (a warehouse, a supply station, a turnover cabinet or a field worker) has in one state. */
public record StockCount(String holder, MeterState state, long count) {
}
