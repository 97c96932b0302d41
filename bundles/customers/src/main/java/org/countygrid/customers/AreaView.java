package org.countygrid.customers;

/** A transformer area (台区): the low-voltage network behind one distribution transformer. */
public record AreaView(String code, String name, String stationCode, int capacityKva) {
}
