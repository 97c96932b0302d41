package org.countygrid.customers;

/** A transformer area for {@link CustomerService#importCounty}; its station is in the same import or already stored. */
public record AreaData(String code, String name, String stationCode, int capacityKva) {
}
