package org.countygrid.metering;

/** OPEN orders are worked on; SUSPENDED ones wait; COMPLETED and CANCELLED are final. */
public enum WorkOrderStatus {
    OPEN, SUSPENDED, COMPLETED, CANCELLED
}
