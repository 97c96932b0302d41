package org.countygrid.customers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.customers.internal.domain.StationTest.OFFICE;

import org.countygrid.customers.NewArea;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules for a transformer area added by hand to a stored station. */
class TransformerAreaTest {

    @Test
    void addsAnAreaOfTheStationWithTrimmedFields() {
        TransformerArea area = TransformerArea.add("CG", new NewArea(" CG-T003 ", " 城关镇3号台区 ", 315), OFFICE);

        assertThat(area).isEqualTo(new TransformerArea("CG-T003", "城关镇3号台区", "CG", 315));
    }

    @ParameterizedTest
    @ValueSource(strings = { "CG-T001", "T1", "QSH-T012", "A-B-C", "ABCDEFGHIJKLMNOP" })
    void acceptsCodesLikeTheDemoCounty(String code) {
        assertThat(TransformerArea.add("CG", new NewArea(code, "台区", 200), OFFICE).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = { "C", "ABCDEFGHIJKLMNOPQ", "cg-t001", "-T001", "CG_T001", "CG T001" })
    void refusesOtherCodes(String code) {
        assertThatThrownBy(() -> TransformerArea.add("CG", new NewArea(code, "台区", 200), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("code").containsEntry("code", TransformerArea.BAD_NEW_CODE));
    }

    @Test
    void refusesACodeUsedAnywhereInTheOffice() {
        assertThatThrownBy(() -> TransformerArea.add("QSZ", new NewArea("CG-001", "重复台区", 200), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("code").containsEntry("code", Station.TAKEN));
    }

    @Test
    void capacityIsRequiredAndBetweenOneAndOneHundredThousandKva() {
        assertThat(TransformerArea.add("CG", new NewArea("CG-T009", "台区", 1), OFFICE).capacityKva()).isEqualTo(1);
        assertThat(TransformerArea.add("CG", new NewArea("CG-T009", "台区", 100_000), OFFICE).capacityKva()).isEqualTo(100_000);
        for (Integer bad : new Integer[] { 0, -5, 100_001 }) {
            assertThatThrownBy(() -> TransformerArea.add("CG", new NewArea("CG-T009", "台区", bad), OFFICE))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                            .containsExactlyEntriesOf(java.util.Map.of("capacityKva", "must be between 1 and 100000")));
        }
        assertThatThrownBy(() -> TransformerArea.add("CG", new NewArea("CG-T009", "台区", null), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("capacityKva", "is required"));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> TransformerArea.add("CG", new NewArea("", " ", null), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("code", "name", "capacityKva"));
    }
}
