package org.countygrid.customers;

/** Whether an account is supplied; a closed account (销户) keeps its data for billing history. */
public enum AccountStatus {
    OPEN,
    CLOSED
}
