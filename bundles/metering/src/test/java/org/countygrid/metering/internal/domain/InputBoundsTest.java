package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.FreeText;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

/** Free text, verification days and queried days or times outside what can be meant are refused before any work. */
class InputBoundsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void freeTextWithControlCharactersIsRefused() {
        for (String bad : new String[] { "\u0000", "a\u0000b", "损坏\u001b[31m", "第一行\n第二行", "a\tb" }) {
            assertThatThrownBy(() -> Texts.require("reason", bad, 200)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField().get("reason"))
                            .isEqualTo(FreeText.CONTROL));
        }
        assertThatThrownBy(() -> Texts.require("reason", "a\u0000b", 200))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField().get("reason")).isEqualTo(FreeText.CONTROL));
        assertThat(Texts.require("reason", "  表壳烧蚀，返厂  ", 200)).isEqualTo("表壳烧蚀，返厂");
    }

    @Test
    void aVerificationDayLiesBetween2000AndToday() {
        assertThat(AssetLife.verificationDay(null, TODAY)).isEqualTo(TODAY);
        assertThat(AssetLife.verificationDay(LocalDate.of(2000, 1, 1), TODAY)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(AssetLife.verificationDay(TODAY, TODAY)).isEqualTo(TODAY);
        for (LocalDate bad : new LocalDate[] { TODAY.plusDays(1), LocalDate.of(1999, 12, 31), LocalDate.MAX, LocalDate.MIN }) {
            assertThatThrownBy(() -> AssetLife.verificationDay(bad, TODAY)).as(bad.toString())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("verifiedOn"));
        }
    }

    @Test
    void queriedDaysAndTimesLieBetween1900And2199() {
        FieldErrors errors = new FieldErrors();
        ReadingTimes.checkQueried(errors, "from", LocalDate.of(1900, 1, 1));
        ReadingTimes.checkQueried(errors, "to", LocalDate.of(2199, 12, 31));
        ReadingTimes.checkQueried(errors, "to", (LocalDate) null);
        ReadingTimes.checkQueried(errors, "from", Instant.parse("2026-11-26T16:00:00Z"));
        assertThat(errors.isEmpty()).isTrue();

        ReadingTimes.checkQueried(errors, "from", LocalDate.MIN);
        ReadingTimes.checkQueried(errors, "to", Instant.MAX);
        ReadingTimes.checkQueried(errors, "until", LocalDate.of(2200, 1, 1));
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsOnlyKeys("from", "to", "until"));
    }

    @Test
    void aKwhValueIsOneAMeterRegisterCanHold() {
        FieldErrors errors = new FieldErrors();
        assertThat(Kwh.hundredths(errors, "kwh", new java.math.BigDecimal("99999999.99"))).isEqualTo(9_999_999_999L);
        assertThat(Kwh.hundredths(errors, "kwh", new java.math.BigDecimal("0.00"))).isZero();
        assertThat(errors.isEmpty()).isTrue();

        Kwh.hundredths(errors, "kwh", new java.math.BigDecimal("1E+15")); // a probe had this stored as valid
        Kwh.hundredths(errors, "totalKwh", new java.math.BigDecimal("1E+20"));
        Kwh.hundredths(errors, "peakKwh", new java.math.BigDecimal("1.001"));
        Kwh.hundredths(errors, "flatKwh", new java.math.BigDecimal("-1"));
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                .containsEntry("kwh", Kwh.TOO_LARGE).containsEntry("totalKwh", Kwh.TOO_LARGE)
                .containsEntry("peakKwh", Kwh.BAD).containsEntry("flatKwh", Kwh.BAD));
    }
}
