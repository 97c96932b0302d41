package org.countygrid.customers;

import java.util.List;
import java.util.OptionalLong;

import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The customer register of the caller's office. Reading needs one of the roles operator, cashier, field,
 * dispatcher, auditor or admin; opening, changing and closing accounts and adding stations and areas needs
 * operator or admin; the bulk import needs admin. Every method throws {@link org.countygrid.platform.api.Problem} (403, 404, 409) or
 * {@link org.countygrid.platform.api.ValidationException} (400, one entry per bad field).
 */
@ProviderType
public interface CustomerService {

    /**
     * Accounts whose number or phone starts with {@code q}, or whose name or address contains it, ordered by
     * number. A blank {@code q} lists all; {@code limit} 0 means the configured default.
     */
    Page<AccountView> searchAccounts(Caller caller, String q, int offset, int limit);

    /** @throws org.countygrid.platform.api.Problem 404 when the office has no such account */
    AccountView account(Caller caller, AccountNumber number);

    /** Opens an account; publishes {@code customers.account-opened}. */
    AccountView openAccount(Caller caller, NewAccount account);

    /**
     * Replaces the changeable fields of an open account; publishes {@code customers.account-changed} when
     * something differs. With {@code expectedVersion} present, a different stored version is a 409.
     */
    AccountView changeAccount(Caller caller, AccountNumber number, AccountChange change, OptionalLong expectedVersion);

    /**
     * Closes an open account (销户) for the given reason; publishes {@code customers.account-closed}. With an
     * {@code expectedVersion}, refused (409, stale) when the account changed since the caller read it.
     */
    AccountView closeAccount(Caller caller, AccountNumber number, String reason, OptionalLong expectedVersion);

    /** {@link #closeAccount(Caller, AccountNumber, String, OptionalLong)} without a version check. */
    default AccountView closeAccount(Caller caller, AccountNumber number, String reason) {
        return closeAccount(caller, number, reason, OptionalLong.empty());
    }

    /** The office's supply stations by code. */
    List<StationView> stations(Caller caller);

    /** The transformer areas of one station by code; 404 for an unknown station. */
    List<AreaView> areas(Caller caller, String stationCode);

    /** @throws org.countygrid.platform.api.Problem 404 when the office has no such transformer area */
    AreaView area(Caller caller, String areaCode);

    /**
     * Adds a supply station to the office; publishes {@code customers.station-added}. A code the office
     * already uses is a 400 on {@code code}; one taken by another node meanwhile is a 409.
     */
    StationView addStation(Caller caller, NewStation station);

    /**
     * Adds a transformer area to a station of the office; publishes {@code customers.area-added}. An unknown
     * station is a 404; a code the office already uses (on any station) is a 400 on {@code code}; one taken
     * by another node meanwhile is a 409.
     */
    AreaView addArea(Caller caller, String stationCode, NewArea area);

    /**
     * Loads a county in one transaction (migration from an old system, demo data): all records are checked
     * first and nothing is stored if any is bad. Publishes one {@code customers.accounts-imported} event,
     * not one per account.
     */
    ImportSummary importCounty(Caller caller, List<StationData> stations, List<AreaData> areas, List<AccountData> accounts);
}
