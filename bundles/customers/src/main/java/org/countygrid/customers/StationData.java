package org.countygrid.customers;

/** A supply station for {@link CustomerService#importCounty}. */
public record StationData(String code, String name) {
}
