package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.M2;
import static org.countygrid.metering.internal.TestMetering.M3;
import static org.countygrid.metering.internal.TestMetering.M4;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.QT;
import static org.countygrid.metering.internal.TestMetering.SCANNER;
import static org.countygrid.metering.internal.TestMetering.field;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.math.BigDecimal;
import java.time.Instant;

import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.Phase;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderStep;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.event.MeterInstalled;
import org.countygrid.metering.event.MeterReplaced;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work orders on the real unit: install, then a full replacement as the field worker's phone drives it. */
class WorkOrderServiceTest {

    static final String ACCOUNT = "3101000001";
    static final Caller LI = field(QS, "li");
    static final FinalReadings OLD_READINGS = new FinalReadings(new BigDecimal("1234.56"), new BigDecimal("400"),
            new BigDecimal("500.5"), new BigDecimal("334.06"), "ERR-04");

    private final TestMetering metering = new TestMetering();

    @BeforeEach
    void stock() {
        metering.stockAtStation(QS);
        metering.meters.receive(LI, M1, "CG", SCANNER);
        metering.meters.receive(LI, M2, "CG", SCANNER);
    }

    @AfterEach
    void stop() {
        metering.close();
    }

    WorkOrderView create(WorkOrderType type) {
        return metering.orders.create(operator(QS), new NewWorkOrder(type, ACCOUNT, "城关镇人民路18号", "li", Phase.SINGLE, null));
    }

    WorkOrderView install(String barcode) {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, barcode, SCANNER);
        return metering.orders.complete(LI, id, null, SCANNER);
    }

    @Test
    void installingMovesTheMeterAndPublishesTheFact() {
        WorkOrderView done = install(M1);

        assertThat(done.status()).isEqualTo(WorkOrderStatus.COMPLETED);
        assertThat(done.history()).extracting(WorkOrderStep::action).containsExactly("created", "meter-scanned", "completed");
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.INSTALLED);
        assertThat(metering.meters.meter(operator(QS), M1).accountNumber()).isEqualTo(ACCOUNT);
        assertThat(metering.store.events()).containsExactly(new MeterInstalled(QS, done.id(), ACCOUNT, M1, "000000000001",
                "li", TestMetering.START));
    }

    @Test
    void aFullReplacementPairsTheMetersAndCarriesReadingsAndBalance() {
        install(M1);
        metering.clock.set(Instant.parse("2026-11-25T03:00:00Z"));
        WorkOrderView order = create(WorkOrderType.REPLACE);
        assertThat(order.oldMeter()).isEqualTo(M1);
        assertThat(metering.orders.mine(LI)).extracting(WorkOrderView::id).containsExactly(order.id());

        assertThatThrownBy(() -> metering.orders.scan(LI, order.id(), M1, SCANNER)).hasMessageContaining("the account's old meter");
        assertThatThrownBy(() -> metering.orders.scan(LI, order.id(), M4, SCANNER)).hasMessageContaining("wrong meter");
        assertThatThrownBy(() -> metering.orders.scan(LI, order.id(), M3, SCANNER)).hasMessageContaining("not received by li");
        metering.orders.scan(LI, order.id(), M2, SCANNER);
        metering.orders.recordFinalReadings(LI, order.id(), OLD_READINGS);
        WorkOrderView done = metering.orders.complete(LI, order.id(), 1520L, SCANNER);

        assertThat(done.finalReadings().totalKwh()).isEqualByComparingTo("1234.56");
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.REMOVED);
        assertThat(metering.meters.meter(operator(QS), M2).state()).isEqualTo(MeterState.INSTALLED);
        assertThat(metering.store.events()).filteredOn(MeterReplaced.class::isInstance).singleElement()
                .isEqualTo(new MeterReplaced(QS, order.id(), ACCOUNT, M1, M2, "000000000002",
                        new FinalReadings(new BigDecimal("1234.56"), new BigDecimal("400.00"), new BigDecimal("500.50"),
                                new BigDecimal("334.06"), "ERR-04"), 1520L, "li", Instant.parse("2026-11-25T03:00:00Z")));
        assertThat(metering.orders.mine(LI)).isEmpty();
    }

    @Test
    void aRefusedCompletionMovesNoMeterAndPublishesNothing() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, M1, SCANNER);
        // the meter was handed back meanwhile by another path: simulate with a second order installing it first
        long other = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, other, M1, SCANNER);
        metering.orders.complete(LI, other, null, SCANNER);

        assertThatThrownBy(() -> metering.orders.complete(LI, id, null, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(metering.orders.order(operator(QS), id).status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(metering.store.events()).hasSize(1);
    }

    @Test
    void suspendHandOverAndCancelKeepTheirHistory() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, M1, SCANNER);
        metering.orders.suspend(LI, id, "客户不在家");
        metering.orders.resume(operator(QS), id);
        WorkOrderView handed = metering.orders.handOver(operator(QS), id, "wang", null);
        assertThat(handed.newMeter()).isNull();
        assertThatThrownBy(() -> metering.orders.scan(LI, id, M1, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        WorkOrderView cancelled = metering.orders.cancel(operator(QS), id, "客户撤销");

        assertThat(cancelled.status()).isEqualTo(WorkOrderStatus.CANCELLED);
        assertThat(cancelled.history()).extracting(WorkOrderStep::action)
                .containsExactly("created", "meter-scanned", "suspended", "resumed", "handed-over", "cancelled");
        assertThat(cancelled.history()).extracting(WorkOrderStep::actor)
                .containsExactly("zhang", "li", "li", "zhang", "zhang", "zhang");
        assertThatThrownBy(() -> metering.orders.cancel(LI, id, "x"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void aFieldWorkerSeesOnlyHisOwnOrders() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.handOver(operator(QS), id, "wang", null);

        assertThat(metering.orders.orders(LI, null, null)).isEmpty();
        assertThat(metering.orders.orders(operator(QS), null, null)).hasSize(1);
        assertThat(metering.orders.mine(field(QS, "wang"))).hasSize(1);
        assertThatThrownBy(() -> metering.orders.order(LI, id)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void anotherOfficeCannotSeeOrPerformTheOrders() {
        long id = create(WorkOrderType.INSTALL).id();
        assertThatThrownBy(() -> metering.orders.order(operator(QT), id)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> metering.orders.scan(field(QT, "li"), id, M1, SCANNER)).isInstanceOf(Problem.class);
        assertThat(metering.orders.orders(operator(QT), null, null)).isEmpty();
    }

    @Test
    void checksTheAccountWithCustomersWhenItIsThereAndNotWithout() {
        metering.accounts((caller, number) -> {
            if (!number.equals(ACCOUNT)) {
                throw Problem.notFound("account " + number);
            }
        });
        assertThatThrownBy(() -> metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101009999",
                null, "li", null, null))).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(metering.orders.orders(operator(QS), null, null)).isEmpty();
        metering.accounts(null);
        assertThat(metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101009999", null, "li",
                null, null)).status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThatThrownBy(() -> metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "31", null,
                "li", null, null))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aResidualBalanceBelongsToAPrepaidReplacementOnly() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, M1, SCANNER);
        assertThatThrownBy(() -> metering.orders.complete(LI, id, 100L, SCANNER)).isInstanceOf(ValidationException.class);
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.RECEIVED);
    }
}
