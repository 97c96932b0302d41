package org.countygrid.customers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.Category;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.StationData;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

class CountyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    private static AccountData account(String number, String area) {
        return new AccountData(new NewAccount(number, "刘洋", "青山镇石门村1组2号", "13612345678", Category.RESIDENTIAL,
                VoltageLevel.V220, null, area), null);
    }

    @Test
    void acceptsAreasOnStoredStationsAndStampsMissingOpeningDates() {
        County county = County.checked(List.of(), List.of(new AreaData("A1", "青山镇1号台区", "S1", 200)),
                List.of(account("3101000001", "A1"), account("3101000002", "A0")), Set.of("S1"), Set.of("A0"), NOW);

        assertThat(county.accounts()).hasSize(2).allSatisfy(a -> assertThat(a.openedAt()).isEqualTo(NOW));
    }

    @Test
    void reportsBadRecordsByTheirPositionInTheImport() {
        List<StationData> stations = List.of(new StationData("S1", "城关供电所"), new StationData("S1", "重复"),
                new StationData("s 2", ""));
        List<AreaData> areas = List.of(new AreaData("A1", "1号台区", "S9", 0));
        List<AccountData> accounts = List.of(account("3101000001", "A1"), account("3101000001", "A1"));

        assertThatThrownBy(() -> County.checked(stations, areas, accounts, Set.of(), Set.of(), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys(
                        "stations[1].code", "stations[2].code", "stations[2].name", "areas[0].stationCode",
                        "areas[0].capacityKva", "accounts[1].number"));
    }

    @Test
    void stopsCollectingAfterFiftyErrors() {
        List<AccountData> accounts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            accounts.add(account("bad" + i, "A1"));
        }

        assertThatThrownBy(() -> County.checked(List.of(), List.of(), accounts, Set.of(), Set.of("A1"), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).hasSize(FieldErrors.MAX_ERRORS));
    }
}
