package org.countygrid.customers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.countygrid.customers.NewStation;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules for a station added by hand. */
class StationTest {

    /** An office with the stations CG and QSZ and the area CG-001. */
    static final StationRecords OFFICE = new StationRecords() {
        @Override
        public boolean stationExists(String code) {
            return Set.of("CG", "QSZ").contains(code);
        }

        @Override
        public boolean areaExists(String code) {
            return code.equals("CG-001");
        }
    };

    @Test
    void addsAStationWithTrimmedFields() {
        Station station = Station.add(new NewStation(" QSH ", " 清水镇供电所 "), OFFICE);

        assertThat(station).isEqualTo(new Station("QSH", "清水镇供电所"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "CG2", "T25", "12345678", "AB" })
    void acceptsTwoToEightUpperCaseLettersOrDigits(String code) {
        assertThat(Station.add(new NewStation(code, "某供电所"), OFFICE).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = { "C", "ABCDEFGHI", "cg2", "CG-2", "CG 2", "城关" })
    void refusesOtherCodes(String code) {
        assertThatThrownBy(() -> Station.add(new NewStation(code, "某供电所"), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                        .containsExactlyEntriesOf(java.util.Map.of("code", Station.BAD_NEW_CODE)));
    }

    @Test
    void refusesACodeTheOfficeAlreadyUses() {
        assertThatThrownBy(() -> Station.add(new NewStation("QSZ", "青山镇第二供电所"), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("code").containsEntry("code", Station.TAKEN));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> Station.add(new NewStation(null, "  "), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                        .containsEntry("code", "is required").containsEntry("name", "is required").hasSize(2));
        assertThatThrownBy(() -> Station.add(new NewStation("qs", "站".repeat(61)), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                        .containsEntry("name", "must be at most 60 characters").containsOnlyKeys("code", "name"));
    }
}
