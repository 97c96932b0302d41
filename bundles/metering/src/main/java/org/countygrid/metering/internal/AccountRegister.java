package org.countygrid.metering.internal;

import java.util.List;

import org.countygrid.platform.api.security.Caller;

/**
 * Whether an account exists in the caller's office, and its name, address and transformer area. Implemented over the
 * customers module's API while that
 * module is installed ({@link CustomersAccountRegister}); without it the check is skipped. Kept as this
 * bundle's own interface so no metering class that always loads refers to a customers type.
 */
public interface AccountRegister {

    /** What a work order and its form need to know of an account; {@code closed} for a closed (销户) account. */
    record AccountFacts(String name, String address, String areaCode, boolean closed) {

        /** An open account. */
        public AccountFacts(String name, String address, String areaCode) {
            this(name, address, areaCode, false);
        }
    }

    /** @throws org.countygrid.platform.api.Problem 404 when the office has no such account */
    AccountFacts requireAccount(Caller caller, String accountNumber);

    /**
     * Refuses an area the caller's office does not have (a terminal installed there would adopt no meter).
     *
     * @throws org.countygrid.platform.api.Problem 404 when the office has no such transformer area
     */
    default void requireArea(Caller caller, String areaCode) {
        // a register that cannot tell checks nothing
    }

    /**
     * Refuses a supply station the caller's office does not have: a meter pre-issued to it could be received by nobody.
     *
     * @throws org.countygrid.platform.api.Problem 404 when the office has no such station
     */
    default void requireStation(Caller caller, String stationCode) {
        // a register that cannot tell checks nothing
    }

    /** {@link #requireArea} of {@code register}, when there is one (customers installed), for a code already checked. */
    static void checkArea(AccountRegister register, Caller caller, String areaCode) {
        if (register != null) {
            register.requireArea(caller, areaCode);
        }
    }

    /** {@link #requireStation} of {@code register}, when there is one, for a station code already checked (Texts). */
    static void checkStation(AccountRegister register, Caller caller, String stationCode) {
        if (register != null) {
            register.requireStation(caller, stationCode);
        }
    }

    /** The codes of the caller's office's supply stations, for the shell's completion; none by default. */
    default List<String> stationCodes(Caller caller) {
        return List.of();
    }
}
