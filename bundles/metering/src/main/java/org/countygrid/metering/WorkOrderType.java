package org.countygrid.metering;

/** 装表, 拆表 and 换表 (fault replacement). */
public enum WorkOrderType {
    INSTALL, REMOVE, REPLACE
}
