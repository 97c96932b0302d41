package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.Phase;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

/** Work order rules: creation, performing (scan, readings, complete) and the flow (suspend, hand over, cancel). */
class WorkOrderTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final String OLD = "3300000000000000000009";
    static final RegisterValues READ = RegisterValues.of(new FinalReadings(new BigDecimal("1234.56"),
            new BigDecimal("400.00"), new BigDecimal("500.00"), new BigDecimal("334.56"), "ERR-04"));

    static WorkOrder order(WorkOrderType type, Phase phase) {
        return WorkOrder.create(new NewWorkOrder(type, "3101000001", "城关镇人民路18号", "li", phase, null),
                type == WorkOrderType.INSTALL ? null : OLD, null, "zhang", NOW).order();
    }

    static final RegisterValues INFRARED = RegisterValues.of(new FinalReadings(new BigDecimal("0.52"), null, null,
            null, null));

    static Meter receivedBy(String worker, Phase phase) {
        return Meter.arrived(new NewMeter("3300000000000000000001", "QS-A0001", "000000000001", phase, FeeControl.LOCAL,
                "华立", "2"), "MAIN").verify(null, "MAIN").preIssue("CG", "A1").receive(worker, "CG");
    }

    @Test
    void createsAnOpenOrderNamingTheAccountsMeter() {
        WorkOrder.Step step = WorkOrder.create(new NewWorkOrder(WorkOrderType.REPLACE, " 3101000001 ", null, "li", null,
                null), OLD, null, "zhang", NOW);
        assertThat(step.order().status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(step.order().oldMeter()).isEqualTo(OLD);
        assertThat(step.order().accountNumber()).isEqualTo("3101000001");
        assertThat(step.action()).isEqualTo("created");
        assertThat(step.note()).isEqualTo("assigned to li");
    }

    @Test
    void anOrderWithoutAWorkerWaitsForOneAndNobodyPerformsItMeanwhile() {
        WorkOrder.Step made = WorkOrder.create(new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", null, " ", null,
                null), null, null, "system", NOW);
        assertThat(made.order().worker()).isNull();
        assertThat(made.note()).isEqualTo("not assigned yet");
        WorkOrder waiting = made.order();
        assertThatThrownBy(() -> waiting.complete("li", NOW)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.status()).isEqualTo(409)).hasMessageContaining("not assigned to a worker yet");

        WorkOrder.Step assigned = waiting.handOver("li", null);
        assertThat(assigned.order().worker()).isEqualTo("li");
        assertThat(assigned.note()).isEqualTo("assigned to li");
    }

    @Test
    void anOrderUnderWayRefusesASecondOneForItsAccountAndAFinishedOneDoesNot() {
        WorkOrder open = WorkOrder.create(new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", null, "li", null, null),
                null, null, "zhang", NOW).order();

        assertThatThrownBy(open::refuseAnother).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessage("account 3101000001 has work order 0 (INSTALL, OPEN) under way; finish or cancel it first");
        assertThatThrownBy(() -> open.suspend("客户不在家").order().refuseAnother()).hasMessageContaining("SUSPENDED");
        open.cancel("重复").order().refuseAnother(); // no exception: a cancelled order is not under way
    }

    @Test
    void refusesBadOrdersWithEveryFieldError() {
        assertThatThrownBy(() -> WorkOrder.create(new NewWorkOrder(null, "31010", null, "w".repeat(61), null, null), null,
                null, "zhang", NOW)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                        .containsKeys("type", "accountNumber", "worker"));
        assertThatThrownBy(() -> WorkOrder.create(new NewWorkOrder(WorkOrderType.REMOVE, "3101000001", null, "li", null,
                null), null, null, "zhang", NOW)).hasMessageContaining("has no installed meter to remove");
        assertThatThrownBy(() -> WorkOrder.create(new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", null, "li", null,
                null), OLD, null, "zhang", NOW)).hasMessageContaining("installed already");
    }

    @Test
    void scanningBindsAMeterTheWorkerReceived() {
        WorkOrder.Step step = order(WorkOrderType.REPLACE, Phase.SINGLE).scan(receivedBy("li", Phase.SINGLE), "li");
        assertThat(step.order().newMeter()).isEqualTo("3300000000000000000001");
        assertThat(step.action()).isEqualTo("meter-scanned");
    }

    @Test
    void scanningRefusesTheWrongMeter() {
        WorkOrder replace = order(WorkOrderType.REPLACE, Phase.THREE);
        assertThatThrownBy(() -> replace.scan(receivedBy("li", Phase.SINGLE), "li"))
                .hasMessageContaining("wrong meter: the order needs a THREE phase meter");
        assertThatThrownBy(() -> order(WorkOrderType.INSTALL, null).scan(receivedBy("wang", Phase.SINGLE), "li"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("is not received by li (it is RECEIVED, held by wang)");
        assertThatThrownBy(() -> order(WorkOrderType.REMOVE, null).scan(receivedBy("li", Phase.SINGLE), "li"))
                .hasMessageContaining("installs no meter");
        assertThatThrownBy(() -> order(WorkOrderType.INSTALL, null).scan(receivedBy("li", Phase.SINGLE), "wang"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void completesOnlyWithEverythingTheFormOfItsTypeShows() {
        WorkOrder replace = order(WorkOrderType.REPLACE, null);
        assertThatThrownBy(() -> replace.complete("li", NOW)).hasMessageContaining("still missing: the old meter's final"
                + " readings, a photo of the old meter, the new meter's barcode scan, the new meter's infrared reading,"
                + " a photo of the new meter, the customer's signature");
        assertThatThrownBy(() -> replace.recordNewMeterReadings(READ, "li")).hasMessageContaining("scan the new meter");
        assertThatThrownBy(() -> replace.attachPhoto(OrderFileKind.NEW_METER_PHOTO, "ab", "li"))
                .hasMessageContaining("scan the new meter's barcode first");
        WorkOrder scanned = replace.scan(receivedBy("li", Phase.SINGLE), "li").order();
        WorkOrder read = scanned.recordFinalReadings(READ, "li").order().recordNewMeterReadings(INFRARED, "li").order();
        WorkOrder pictured = read.attachPhoto(OrderFileKind.OLD_METER_PHOTO, "ab", "li").order()
                .attachPhoto(OrderFileKind.NEW_METER_PHOTO, "cd", "li").order();
        assertThatThrownBy(() -> read.sign("王小明", "li")).hasMessageContaining("still missing: a photo of the old meter,"
                + " a photo of the new meter");
        assertThatThrownBy(() -> pictured.complete("li", NOW)).hasMessageContaining("still missing: the customer's signature");
        WorkOrder signed = pictured.sign(" 王小明 ", "li").order();
        assertThat(signed.signedBy()).isEqualTo("王小明");

        WorkOrder done = signed.complete("li", NOW).order();
        assertThat(done.status()).isEqualTo(WorkOrderStatus.COMPLETED);
        assertThat(done.completedAt()).isEqualTo(NOW);
        assertThat(done.finalReadings().total()).isEqualTo(123456);
        assertThatThrownBy(() -> done.complete("li", NOW)).hasMessageContaining("it is COMPLETED");
        assertThatThrownBy(() -> order(WorkOrderType.INSTALL, null).recordFinalReadings(READ, "li"))
                .hasMessageContaining("no old meter to read");
        assertThatThrownBy(() -> order(WorkOrderType.INSTALL, null).attachPhoto(OrderFileKind.OLD_METER_PHOTO, "ab", "li"))
                .hasMessageContaining("no old meter to photograph");
        assertThatThrownBy(() -> signed.sign(" ", "li")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aChangeAfterSigningVoidsTheSignature() {
        WorkOrder signed = order(WorkOrderType.REMOVE, null).recordFinalReadings(READ, "li").order()
                .attachPhoto(OrderFileKind.OLD_METER_PHOTO, "ab", "li").order().sign("王小明", "li").order();
        assertThat(signed.signedBy()).isEqualTo("王小明");
        assertThat(signed.recordFinalReadings(READ, "li")).as("the same readings again (a phone retrying): no change, "
                + "the signature stands").isNull();
        RegisterValues corrected = RegisterValues.of(new FinalReadings(new BigDecimal("1234.57"), new BigDecimal("400.00"),
                new BigDecimal("500.00"), new BigDecimal("334.57"), "ERR-04"));
        WorkOrder reread = signed.recordFinalReadings(corrected, "li").order();
        assertThat(reread.signedBy()).isNull();
        assertThatThrownBy(() -> reread.complete("li", NOW)).hasMessageContaining("the customer's signature");
    }

    @Test
    void handingOverUnbindsTheScannedMeterWithItsReadingAndPhoto() {
        WorkOrder installed = order(WorkOrderType.INSTALL, null).scan(receivedBy("li", Phase.SINGLE), "li").order()
                .recordNewMeterReadings(INFRARED, "li").order().attachPhoto(OrderFileKind.NEW_METER_PHOTO, "cd", "li")
                .order();
        WorkOrder handed = installed.handOver("wang", null).order();
        assertThat(handed.newMeter()).isNull();
        assertThat(handed.newMeterReadings()).isNull();
        assertThat(handed.photos()).isEmpty();
    }

    @Test
    void suspendedOrdersArePerformedOnlyAfterResuming() {
        WorkOrder suspended = order(WorkOrderType.INSTALL, null).suspend("客户不在家").order();
        assertThat(suspended.status()).isEqualTo(WorkOrderStatus.SUSPENDED);
        assertThatThrownBy(() -> suspended.scan(receivedBy("li", Phase.SINGLE), "li")).hasMessageContaining("resume it first");
        assertThat(suspended.resume().order().status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThatThrownBy(() -> order(WorkOrderType.INSTALL, null).suspend(" ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void handingOverUnbindsTheScannedMeterAndNamesBothWorkers() {
        WorkOrder scanned = order(WorkOrderType.INSTALL, null).scan(receivedBy("li", Phase.SINGLE), "li").order();
        WorkOrder.Step step = scanned.handOver("wang", "李师傅请假");
        assertThat(step.order().worker()).isEqualTo("wang");
        assertThat(step.order().newMeter()).isNull();
        assertThat(step.note()).isEqualTo("from li to wang: 李师傅请假");
        assertThatThrownBy(() -> scanned.handOver("li", null)).hasMessageContaining("assigned to li already");
        assertThatThrownBy(() -> scanned.handOver("wang", "说".repeat(201)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("note"));
    }

    @Test
    void cancelledOrdersAreFinal() {
        WorkOrder cancelled = order(WorkOrderType.INSTALL, null).cancel("客户撤销申请").order();
        assertThat(cancelled.status()).isEqualTo(WorkOrderStatus.CANCELLED);
        assertThatThrownBy(() -> cancelled.handOver("wang", null)).hasMessageContaining("it is CANCELLED");
        assertThatThrownBy(() -> cancelled.resume()).hasMessageContaining("not suspended");
    }

    @Test
    void finalReadingsAreExactHundredthsAndConsistent() {
        assertThat(READ).isEqualTo(new RegisterValues(123456, 40000L, 50000L, 33456L, "ERR-04"));
        assertThat(READ.toApi().totalKwh()).isEqualByComparingTo("1234.56");
        assertThatThrownBy(() -> RegisterValues.of(new FinalReadings(new BigDecimal("1.234"), null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("totalKwh"));
        assertThatThrownBy(() -> RegisterValues.of(new FinalReadings(new BigDecimal("100"), new BigDecimal("60"),
                new BigDecimal("50"), null, null))).hasMessageContaining(RegisterValues.TOU_EXCEEDS_TOTAL);
        assertThatThrownBy(() -> RegisterValues.of(new FinalReadings(null, null, null, new BigDecimal("-1"), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("totalKwh", "valleyKwh"));
    }
}
