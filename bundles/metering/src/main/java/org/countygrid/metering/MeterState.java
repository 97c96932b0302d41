package org.countygrid.metering;

/**
 * Where a meter is in its life: 入库 → 检定 → 预领 (from a turnover cabinet to a supply station) → 领表 (by a
 * field worker) → 装表 → 拆表 → back to verification (reuse) or 报废.
 */
public enum MeterState {
    IN_STOCK, VERIFIED, PRE_ISSUED, RECEIVED, INSTALLED, REMOVED, SCRAPPED
}
