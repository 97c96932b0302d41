package org.countygrid.customers;

/**
 * The command to open an account. Fields are checked together and every bad one is reported; a missing
 * {@code importantClass} means {@link ImportantUserClass#NONE}.
 */
public record NewAccount(String number, String name, String address, String phone, Category category,
        VoltageLevel voltageLevel, ImportantUserClass importantClass, String areaCode) {
}
