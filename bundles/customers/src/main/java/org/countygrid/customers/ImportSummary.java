package org.countygrid.customers;

/** What {@link CustomerService#importCounty} stored, and how long it took. */
public record ImportSummary(int stations, int areas, int accounts, long millis) {
}
