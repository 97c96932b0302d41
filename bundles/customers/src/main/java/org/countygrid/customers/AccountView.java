package org.countygrid.customers;

import java.time.Instant;

/** An account as staff see it, with its premise's transformer area and supply station. */
public record AccountView(String number, String name, String address, String phone, Category category,
        VoltageLevel voltageLevel, ImportantUserClass importantClass, String areaCode, String areaName,
        String stationCode, String stationName, AccountStatus status, Instant openedAt, Instant closedAt,
        String closeReason, long version) {
}
