package org.countygrid.customers;

/** A supply station (供电所) and how many transformer areas it serves. */
public record StationView(String code, String name, long areaCount) {
}
