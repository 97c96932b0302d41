package org.countygrid.customers.internal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.StationData;
import org.countygrid.platform.api.FieldErrors;

/**
 * A county's register to import in one go (migration, demo data), checked as a whole: codes and numbers
 * unique within it, every area on a known station, every account on a known area. Records already stored
 * count as known; clashes with stored codes or numbers are left to the database's unique keys.
 */
public record County(List<Station> stations, List<TransformerArea> areas, List<Account> accounts) {

    public static County checked(List<StationData> stationData, List<AreaData> areaData,
            List<AccountData> accountData, Set<String> storedStations, Set<String> storedAreas, Instant now) {
        FieldErrors errors = new FieldErrors();
        Set<String> stationCodes = new HashSet<>(storedStations);
        List<Station> stations = new ArrayList<>(stationData.size());
        for (int i = 0; i < stationData.size(); i++) {
            StationData data = stationData.get(i);
            Station station = new Station(data.code(), data.name());
            FieldErrors at = errors.nested("stations[" + i + "]");
            station.check(at);
            if (station.code() != null && !stationCodes.add(station.code())) {
                at.add("code", "appears twice");
            }
            stations.add(station);
        }
        Set<String> areaCodes = new HashSet<>(storedAreas);
        List<TransformerArea> areas = new ArrayList<>(areaData.size());
        for (int i = 0; i < areaData.size(); i++) {
            AreaData data = areaData.get(i);
            TransformerArea area = new TransformerArea(data.code(), data.name(), data.stationCode(), data.capacityKva());
            FieldErrors at = errors.nested("areas[" + i + "]");
            area.check(at);
            if (area.code() != null && !areaCodes.add(area.code())) {
                at.add("code", "appears twice");
            }
            if (area.stationCode() != null && !stationCodes.contains(area.stationCode())) {
                at.add("stationCode", "is not a supply station of this office");
            }
            areas.add(area);
        }
        List<Account> accounts = checkedAccounts(accountData, areaCodes, errors, now);
        errors.throwIfAny();
        return new County(List.copyOf(stations), List.copyOf(areas), accounts);
    }

    private static List<Account> checkedAccounts(List<AccountData> accountData, Set<String> areaCodes,
            FieldErrors errors, Instant now) {
        Set<String> numbers = new HashSet<>(accountData.size() * 2);
        OfficeRecords records = new OfficeRecords() {
            @Override
            public boolean accountExists(String number) {
                return !numbers.add(number);
            }

            @Override
            public boolean areaExists(String areaCode) {
                return areaCodes.contains(areaCode);
            }
        };
        List<Account> accounts = new ArrayList<>(accountData.size());
        for (int i = 0; i < accountData.size(); i++) {
            NewAccount data = accountData.get(i).account();
            Instant openedAt = accountData.get(i).openedAt() == null ? now : accountData.get(i).openedAt();
            Account account = Account.open(errors.nested("accounts[" + i + "]"), data.number(),
                    AccountDetails.of(data), records, openedAt);
            accounts.add(account);
        }
        return accounts;
    }
}
