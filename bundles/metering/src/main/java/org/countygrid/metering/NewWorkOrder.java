package org.countygrid.metering;

/**
 * A field work order for an account. {@code phase} is the phase the new meter must have (null: any); REMOVE and
 * REPLACE orders act on the meter installed at the account now.
 */
public record NewWorkOrder(WorkOrderType type, String accountNumber, String address, String worker, Phase phase,
        String note) {
}
