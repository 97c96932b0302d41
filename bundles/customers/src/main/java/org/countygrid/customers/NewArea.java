package org.countygrid.customers;

/**
 * The command to add one transformer area (台区) to a station of the office: {@code code} like
 * {@code CG-T001} (2-16 upper-case letters, digits or '-'), unique in the office; {@code name} at most 60
 * characters; {@code capacityKva} the transformer's rated capacity, 1 to 100,000 kVA. {@code null} fields
 * are reported as missing.
 */
public record NewArea(String code, String name, Integer capacityKva) {
}
