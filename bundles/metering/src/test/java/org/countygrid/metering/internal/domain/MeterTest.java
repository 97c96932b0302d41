package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.Phase;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

/** The meter lifecycle: every legal step, and each illegal one refused with its reason. */
class MeterTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final Meter NEW = Meter.arrived(new NewMeter("3300000000000000000001", "QS-A0001", "000000000001",
            Phase.SINGLE, FeeControl.LOCAL, "华立", "2"), "MAIN");

    static Meter received() {
        return NEW.verify(DAY, "MAIN").preIssue("CG", "A1").receive("li", "CG");
    }

    @Test
    void walksTheWholeLifeAndIsReusedAfterRemoval() {
        Meter installed = received().install("3101000001", "li");
        Meter removed = installed.remove("li");
        Meter reused = removed.verify(DAY.plusDays(30), "MAIN");

        assertThat(installed.state()).isEqualTo(MeterState.INSTALLED);
        assertThat(installed.accountNumber()).isEqualTo("3101000001");
        assertThat(removed.state()).isEqualTo(MeterState.REMOVED);
        assertThat(removed.accountNumber()).isNull();
        assertThat(removed.holder()).isEqualTo("li");
        assertThat(reused.state()).isEqualTo(MeterState.VERIFIED);
        assertThat(reused.verifiedOn()).isEqualTo(DAY.plusDays(30));
        assertThat(reused.stationCode()).isNull();
    }

    @Test
    void preIssueRecordsStationAndCabinetAndReceiptTheWorker() {
        Meter pre = NEW.verify(DAY, "MAIN").preIssue(" CG ", "A1");
        Meter got = pre.receive("li", "CG");

        assertThat(pre.state()).isEqualTo(MeterState.PRE_ISSUED);
        assertThat(pre.stationCode()).isEqualTo("CG");
        assertThat(pre.cabinetCode()).isEqualTo("A1");
        assertThat(got.state()).isEqualTo(MeterState.RECEIVED);
        assertThat(got.holder()).isEqualTo("li");
    }

    @Test
    void refusesToInstallAMeterNobodyReceived() {
        Meter verified = NEW.verify(DAY, "MAIN");
        assertThatThrownBy(() -> verified.install("3101000001", "li"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("nobody received it");
        assertThatThrownBy(() -> verified.preIssue("CG", "A1").install("3101000001", "li"))
                .hasMessageContaining("nobody received it");
    }

    @Test
    void refusesToInstallAMeterAnotherWorkerReceived() {
        assertThatThrownBy(() -> received().install("3101000001", "wang"))
                .hasMessageContaining("received by li, not by wang");
    }

    @Test
    void refusesToReceiveTwice() {
        assertThatThrownBy(() -> received().receive("wang", "CG"))
                .isInstanceOf(Problem.class).hasMessageContaining("received already by li");
    }

    @Test
    void refusesToReceiveAMeterPreIssuedToAnotherStation() {
        Meter pre = NEW.verify(DAY, "MAIN").preIssue("CG", "A1");
        assertThatThrownBy(() -> pre.receive("li", "QSZ")).hasMessageContaining("pre-issued to station CG, not to QSZ");
    }

    @Test
    void refusesToReceiveAMeterThatWasNotPreIssued() {
        assertThatThrownBy(() -> NEW.verify(DAY, "MAIN").receive("li", "CG")).hasMessageContaining("only a pre-issued meter");
        assertThatThrownBy(() -> NEW.receive("li", "CG")).hasMessageContaining("it is IN_STOCK");
    }

    @Test
    void refusesOtherIllegalSteps() {
        assertThatThrownBy(() -> NEW.preIssue("CG", "A1")).hasMessageContaining("only a verified meter");
        assertThatThrownBy(() -> received().verify(DAY, "MAIN")).hasMessageContaining("goes to verification");
        assertThatThrownBy(() -> received().remove("li")).hasMessageContaining("only an installed meter");
        assertThatThrownBy(() -> received().scrap()).hasMessageContaining("can be scrapped");
        assertThatThrownBy(() -> NEW.verify(DAY, "MAIN").preIssue("", "A1")).isInstanceOf(ValidationException.class);
    }

    @Test
    void scrapsFromStockOrAfterRemovalOnly() {
        assertThat(NEW.scrap().state()).isEqualTo(MeterState.SCRAPPED);
        assertThat(received().install("3101000001", "li").remove("li").scrap().state()).isEqualTo(MeterState.SCRAPPED);
        assertThatThrownBy(() -> NEW.scrap().verify(DAY, "MAIN")).hasMessageContaining("it is SCRAPPED");
    }

    @Test
    void aRefusedStepLeavesTheMeterAsItWas() {
        Meter before = received();
        assertThatThrownBy(() -> before.receive("wang", "CG")).isInstanceOf(Problem.class);
        assertThat(before).isEqualTo(received());
    }

    @Test
    void aMeterInStockMovesBetweenWarehousesOnly() {
        Meter verified = NEW.verify(DAY, "MAIN");
        assertThat(NEW.warehouseCode()).isEqualTo("MAIN");
        assertThat(verified.transfer("KF-02").warehouseCode()).isEqualTo("KF-02");
        assertThat(verified.preIssue("CG", "A1").warehouseCode()).as("its warehouse takes it back later").isEqualTo("MAIN");
        assertThatThrownBy(() -> verified.preIssue("CG", "A1").transfer("KF-02")).hasMessageContaining("PRE_ISSUED");
        assertThatThrownBy(() -> NEW.transfer("MAIN")).hasMessageContaining("in warehouse MAIN already");
        assertThatThrownBy(() -> Meter.arrived(new NewMeter("3300000000000000000002", "QS-A0002", "000000000002",
                Phase.SINGLE, FeeControl.LOCAL, "华立", "2"), null)).hasMessageContaining("warehouseCode");
    }

    @Test
    void comesBackToItsWarehouseForVerificationOrToTheDefaultWhenItNeverHadOne() {
        Meter removed = received().install("3101000001", "li").remove("li");
        assertThat(removed.verify(DAY, "KF-09").warehouseCode()).as("its own warehouse").isEqualTo("MAIN");

        Meter takenOver = new Meter("3300000000000000000009", "QS-B9", "000000000009", Phase.SINGLE, FeeControl.LOCAL,
                "华立", "2", null, MeterState.REMOVED, null, null, null, "li", null, 1);
        assertThat(takenOver.verify(DAY, "KF-09").warehouseCode()).as("an installed base's meter had none")
                .isEqualTo("KF-09");
        assertThatThrownBy(() -> takenOver.verify(DAY, " ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aNamedWarehouseIsCheckedAndNoneMeansTheDefault() {
        assertThat(AssetLife.warehouseOr(null, "MAIN")).isEqualTo("MAIN");
        assertThat(AssetLife.warehouseOr("  ", "MAIN")).isEqualTo("MAIN");
        assertThat(AssetLife.warehouseOr(" KF-02 ", "MAIN")).isEqualTo("KF-02");
        assertThatThrownBy(() -> AssetLife.warehouseOr("K".repeat(21), "MAIN"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("warehouseCode"));
    }

    @Test
    void theAccuracyClassIsOneThatMetersHave() {
        java.util.function.Function<String, NewMeter> meter = accuracy -> new NewMeter("3300000000000000000003",
                "QS-A0003", "000000000003", Phase.SINGLE, FeeControl.LOCAL, "华立", accuracy);
        for (String bad : List.of("abc", "0.7", "5", "1/", "2/x", "0.5SS")) { // a probe stored "abc" and "0.7"
            assertThatThrownBy(() -> MeterIdentity.checked(meter.apply(bad))).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                            .containsEntry("accuracyClass", MeterIdentity.BAD_ACCURACY));
        }
        assertThat(MeterIdentity.checked(meter.apply(" 0.5s ")).accuracyClass()).isEqualTo("0.5S");
        for (String good : List.of("2", "1", "1.0", "0.2S", "0.5", "3", "B", "D", "1/2", "0.5S/2")) {
            assertThat(MeterIdentity.checked(meter.apply(good)).accuracyClass()).isEqualTo(good);
        }
    }
}
