package org.countygrid.customers;

/**
 * The command to add one supply station (供电所) to the office: {@code code} is 2-8 upper-case letters or
 * digits, unique in the office; {@code name} at most 60 characters.
 */
public record NewStation(String code, String name) {
}
