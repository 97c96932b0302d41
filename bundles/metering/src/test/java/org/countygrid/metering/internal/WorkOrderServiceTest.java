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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.OrderFile;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.OrderFileView;
import org.countygrid.metering.Phase;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderStep;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.event.MeterInstalled;
import org.countygrid.metering.event.MeterReplaced;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.metering.internal.persistence.WorkOrderRepository;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;
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
        metering.collectEvidence(LI, id);
        return metering.orders.complete(LI, id, null, SCANNER);
    }

    @Test
    void installingMovesTheMeterAndPublishesTheFact() {
        WorkOrderView done = install(M1);

        assertThat(done.status()).isEqualTo(WorkOrderStatus.COMPLETED);
        assertThat(done.history()).extracting(WorkOrderStep::action).containsExactly("created", "meter-scanned",
                "infrared-reading", "photo", "signed", "completed");
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
        metering.collectEvidence(LI, order.id());
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
    void aReplacementThatNamesNoPhaseNeedsAMeterOfTheOldOnesPhase() {
        install(M1); // single phase
        // as a repair ticket or an event makes it: no phase given
        WorkOrderView order = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REPLACE, ACCOUNT, null,
                "li", null, null));

        assertThat(order.phase()).isEqualTo(Phase.SINGLE);
        metering.meters.receive(LI, M4, "CG", SCANNER);
        assertThatThrownBy(() -> metering.orders.scan(LI, order.id(), M4, SCANNER))
                .hasMessageContaining("the order needs a SINGLE phase meter");
        assertThat(metering.orders.scan(LI, order.id(), M2, SCANNER).newMeter()).isEqualTo(M2);
    }

    @Test
    void aPrepaidMeterIsReplacedOnlyWithItsRemainingBalanceWhichMayBeAnOverdraft() {
        install(M1); // fee control LOCAL: a prepaid card meter
        WorkOrderView order = create(WorkOrderType.REPLACE);
        metering.orders.scan(LI, order.id(), M2, SCANNER);
        metering.orders.recordFinalReadings(LI, order.id(), OLD_READINGS);
        metering.collectEvidence(LI, order.id());
        int eventsBefore = metering.store.events().size();

        assertThatThrownBy(() -> metering.orders.complete(LI, order.id(), null, SCANNER))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.byField())
                        .containsKey("residualBalanceFen"));
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.INSTALLED);
        assertThat(metering.meters.meter(operator(QS), M2).state()).isEqualTo(MeterState.RECEIVED);
        assertThat(metering.store.events()).hasSize(eventsBefore);

        metering.orders.complete(LI, order.id(), -50L, SCANNER);
        assertThat(metering.store.events()).filteredOn(MeterReplaced.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((MeterReplaced) e).residualBalanceFen()).isEqualTo(-50L));
    }

    @Test
    void aRefusedCompletionMovesNoMeterAndPublishesNothing() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, M1, SCANNER);
        metering.collectEvidence(LI, id);
        // the meter is installed meanwhile by a second order it was bound to as well — as a database could hold from
        // before a scan checked the other orders under way (bound here directly, as a scan now refuses it)
        long other = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101000002",
                "城关镇人民路20号", "li", Phase.SINGLE, null)).id();
        metering.store.write(QS, em -> em.createNativeQuery("update mtr_work_order set new_meter = '" + M1
                + "' where id = " + other).executeUpdate());
        metering.collectEvidence(LI, other);
        metering.orders.complete(LI, other, null, SCANNER);

        assertThatThrownBy(() -> metering.orders.complete(LI, id, null, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(metering.orders.order(operator(QS), id).status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(metering.store.events()).hasSize(1);
    }

    @Test
    void anAccountHasOneOrderUnderWayAtATime() {
        long first = create(WorkOrderType.INSTALL).id();

        assertThatThrownBy(() -> create(WorkOrderType.INSTALL))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("work order " + first).hasMessageContaining("under way");
        metering.orders.suspend(LI, first, "客户不在家");
        assertThatThrownBy(() -> create(WorkOrderType.INSTALL)).hasMessageContaining("SUSPENDED");
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).items()).hasSize(1);

        metering.orders.cancel(operator(QS), first, "重复派单");
        assertThat(create(WorkOrderType.INSTALL).id()).isNotEqualTo(first);
    }

    @Test
    void theDatabaseKeepsOneOrderUnderWayPerAccountWhenTwoCreatorsRace() {
        create(WorkOrderType.INSTALL);
        // a second creator that checked before the first committed gets as far as its insert
        WorkOrder racing = WorkOrder.create(new NewWorkOrder(WorkOrderType.INSTALL, ACCOUNT, null, "li", Phase.SINGLE,
                null), null, null, "wang", TestMetering.START).order();

        assertThatThrownBy(() -> metering.store.write(QS, em -> new WorkOrderRepository(em).add(racing, null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).total()).isEqualTo(1);
        metering.store.write(QT, em -> new WorkOrderRepository(em).add(racing, null)); // another office's account
    }

    @Test
    void aRequestedOrderIsMadeOncePerOriginAndWaitsForAWorker() {
        NewWorkOrder asked = new NewWorkOrder(WorkOrderType.INSTALL, ACCOUNT, null, null, null, "新装立户");
        WorkOrderView made = metering.orders.request(Caller.system(QS), asked, "customers.account-opened#7");
        WorkOrderView again = metering.orders.request(Caller.system(QS), asked, "customers.account-opened#7");

        assertThat(again.id()).isEqualTo(made.id());
        assertThat(again.history()).hasSize(1);
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).items()).hasSize(1);
        assertThat(made.worker()).isNull();
        assertThat(made.history().get(0).note()).isEqualTo("新装立户 (from customers.account-opened#7)");
        assertThat(metering.orders.mine(LI)).isEmpty();
        // another request for the same account is a second order under way: refused
        assertThatThrownBy(() -> metering.orders.request(Caller.system(QS), asked, "customers.account-opened#8"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(() -> metering.orders.request(Caller.system(QS), asked, " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("origin");

        WorkOrderView assigned = metering.orders.handOver(operator(QS), made.id(), "li", "城关所");
        assertThat(assigned.worker()).isEqualTo("li");
        assertThat(assigned.history()).extracting(WorkOrderStep::note).last().isEqualTo("assigned to li: 城关所");
        assertThat(metering.orders.mine(LI)).extracting(WorkOrderView::id).containsExactly(made.id());
        metering.orders.scan(LI, made.id(), M1, SCANNER);
        metering.collectEvidence(LI, made.id());
        assertThat(metering.orders.complete(LI, made.id(), null, SCANNER).status()).isEqualTo(WorkOrderStatus.COMPLETED);
    }

    @Test
    void theSameOriginInAnotherOfficeIsAnotherOrder() {
        NewWorkOrder asked = new NewWorkOrder(WorkOrderType.INSTALL, ACCOUNT, null, null, null, null);
        long qs = metering.orders.request(Caller.system(QS), asked, "customers.account-opened#7").id();
        long qt = metering.orders.request(Caller.system(QT), asked, "customers.account-opened#7").id();

        assertThat(qt).isNotEqualTo(qs);
        assertThat(metering.orders.order(operator(QT), qt).history().get(0).note()).isEqualTo(
                "not assigned yet (from customers.account-opened#7)");
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

        assertThat(metering.orders.orders(LI, null, null, null, 0, 0).items()).isEmpty();
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).items()).hasSize(1);
        assertThat(metering.orders.mine(field(QS, "wang"))).hasSize(1);
        assertThatThrownBy(() -> metering.orders.order(LI, id)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void theLongestHandOverIsStoredWithItsWholeNote() {
        long id = create(WorkOrderType.INSTALL).id();
        String first = "甲".repeat(60);
        String second = "乙".repeat(60);
        String note = "说".repeat(200);
        metering.orders.handOver(operator(QS), id, first, null);

        WorkOrderView handed = metering.orders.handOver(operator(QS), id, second, note);

        assertThat(handed.worker()).isEqualTo(second);
        assertThat(handed.history()).last().extracting(WorkOrderStep::note)
                .isEqualTo("from " + first + " to " + second + ": " + note);
    }

    @Test
    void twinOrdersFromBeforeTheDatabaseKeptOnePerAccountCanStillBePerformed() {
        long older = create(WorkOrderType.INSTALL).id();
        // what metering-9 leaves where two orders were under way at one account: only the newer one marked
        metering.store.write(QS, em -> em.createNativeQuery("UPDATE mtr_work_order SET active_account = NULL WHERE id = ?")
                .setParameter(1, older).executeUpdate());
        WorkOrder twin = WorkOrder.create(new NewWorkOrder(WorkOrderType.INSTALL, ACCOUNT, null, "li", Phase.SINGLE,
                null), null, null, "wang", TestMetering.START).order();
        metering.store.write(QS, em -> new WorkOrderRepository(em).add(twin, null));

        metering.orders.suspend(LI, older, "客户不在家");
        metering.orders.resume(LI, older);
        assertThat(metering.orders.cancel(operator(QS), older, "重复").status()).isEqualTo(WorkOrderStatus.CANCELLED);
    }

    @Test
    void aFieldWorkerWhoAuditsTooSeesEveryOrderButMovesOnlyHisOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work)
            throws Exception {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.handOver(operator(QS), id, "wang", null);
        Caller liAuditing = TestMetering.caller(QS, "li", Role.FIELD, Role.AUDITOR);

        assertThat(metering.orders.order(liAuditing, id).worker()).isEqualTo("wang");
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable move : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> metering.orders.suspend(liAuditing, id, "x"),
                () -> metering.orders.handOver(liAuditing, id, "li", null))) {
            assertThatThrownBy(move).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403))
                    .hasMessage("work order " + id + " is assigned to wang, not to li");
        }
        WorkOrderView after = metering.orders.order(operator(QS), id);
        assertThat(after.worker()).isEqualTo("wang");
        assertThat(after.status()).isEqualTo(WorkOrderStatus.OPEN);

        long waiting = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101000002", null,
                null, Phase.SINGLE, null)).id();
        Problem unassigned = (Problem) org.assertj.core.api.Assertions.catchThrowable(
                () -> metering.orders.suspend(liAuditing, waiting, "x"));
        Problem others = (Problem) org.assertj.core.api.Assertions.catchThrowable(
                () -> metering.orders.suspend(liAuditing, id, "x"));
        assertThat(unassigned.getMessage()).isEqualTo("work order " + waiting + " is not assigned to a worker yet, so not to li");
        // and the console says both in Chinese
        assertThat(org.countygrid.platform.testing.ConsoleTexts.of("console/metering/messages.js", work)
                .call("problemMessage", "zh", List.of(org.countygrid.platform.testing.ConsoleTexts.json(unassigned),
                        org.countygrid.platform.testing.ConsoleTexts.json(others))))
                .containsExactly("工单 #" + waiting + " 尚未派工，不是派给 li 的", "工单 #" + id + " 派给的是 wang，不是 li");
    }

    @Test
    void ordersAreListedAPageAtATimeNewestFirstWithTheirTotal() {
        for (int i = 1; i <= 5; i++) {
            metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "310100100" + i, null, "li", null, null));
        }
        long cancelled = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101001009", null,
                null, null, null)).id();
        metering.orders.cancel(operator(QS), cancelled, "test");

        Page<WorkOrderView> first = metering.orders.orders(operator(QS), WorkOrderStatus.OPEN, null, null, 0, 2);
        Page<WorkOrderView> last = metering.orders.orders(operator(QS), WorkOrderStatus.OPEN, null, null, 4, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(WorkOrderView::accountNumber).containsExactly("3101001005", "3101001004");
        assertThat(last.items()).extracting(WorkOrderView::accountNumber).containsExactly("3101001001");
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).total()).isEqualTo(6);
        assertThat(metering.orders.orders(operator(QS), null, "wang", null, 0, 0).total()).isZero();
        assertThat(metering.orders.orders(operator(QS), WorkOrderStatus.OPEN, "li", null, 0, 0).total()).isEqualTo(5);
        // a page reads its orders' histories at once; each order still shows only its own
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).items()).hasSize(6).allSatisfy(o ->
                assertThat(o.history()).extracting(WorkOrderStep::action).containsExactlyElementsOf(
                        o.id() == cancelled ? List.of("created", "cancelled") : List.of("created")));
        assertThatThrownBy(() -> metering.orders.orders(operator(QS), null, null, null, 0, 501))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("limit"));
        assertThatThrownBy(() -> metering.orders.orders(operator(QS), null, null, null, -1, 10))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("offset"));

        // the board's next page goes on from the last order it shows: a new order above it and a status change below
        // it in between neither repeat nor skip one (an offset of 2 would now give 1004 again), and the total counts
        // what is left
        long lastShown = first.items().get(1).id();
        metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101001006", null, "li", null, null));
        long below = metering.orders.orders(operator(QS), WorkOrderStatus.OPEN, null, null, 0, 10).items().stream()
                .filter(o -> o.accountNumber().equals("3101001002")).findFirst().orElseThrow().id();
        metering.orders.cancel(operator(QS), below, "test");
        Page<WorkOrderView> next = metering.orders.orders(operator(QS), WorkOrderStatus.OPEN, null, lastShown, 0, 2);
        assertThat(next.items()).extracting(WorkOrderView::accountNumber).containsExactly("3101001003", "3101001001");
        assertThat(next.total()).isEqualTo(2);
    }

    @Test
    void anOrderGoesOnlyToAFieldWorkerOfTheOfficeWhenTheRealmKnowsItsStaff() {
        metering.staff((office, role) -> Optional.of(office.equals(QS) && role.equals(Role.FIELD)
                ? List.of("li", "wang") : List.of("zhao")));
        assertThat(metering.orders.workers(operator(QS))).containsExactly("li", "wang");

        assertThatThrownBy(() -> metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, ACCOUNT,
                null, "lii", null, null))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField().get("worker")).contains("not a field worker of office QS", "lii"));
        assertThat(metering.orders.orders(operator(QS), null, null, null, 0, 0).total()).as("nothing stored").isZero();

        long id = create(WorkOrderType.INSTALL).id();
        assertThatThrownBy(() -> metering.orders.handOver(operator(QS), id, "zhao", null))
                .as("zhao works for another office").isInstanceOf(ValidationException.class);
        assertThat(metering.orders.order(operator(QS), id).worker()).isEqualTo("li");
        assertThat(metering.orders.handOver(operator(QS), id, " wang ", null).worker()).isEqualTo("wang");
        assertThat(metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101000002", null, null,
                null, null)).worker()).as("an order may wait for its worker").isNull();

        // an event delivered again after its worker left returns the order made the first time
        NewWorkOrder asked = new NewWorkOrder(WorkOrderType.INSTALL, "3101000003", null, "wang", null, null);
        long requested = metering.orders.request(operator(QS), asked, "customers.account-opened#3").id();
        metering.staff((office, role) -> Optional.of(List.of("li")));
        assertThat(metering.orders.request(operator(QS), asked, "customers.account-opened#3").id()).isEqualTo(requested);

        metering.staff((office, role) -> Optional.empty()); // a realm that cannot list its users: names unchecked
        assertThat(metering.orders.handOver(operator(QS), id, "lii", null).worker()).isEqualTo("lii");
        assertThat(metering.orders.workers(operator(QS))).isEmpty();
    }

    @Test
    void anotherOfficeCannotSeeOrPerformTheOrders() {
        long id = create(WorkOrderType.INSTALL).id();
        assertThatThrownBy(() -> metering.orders.order(operator(QT), id)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> metering.orders.scan(field(QT, "li"), id, M1, SCANNER)).isInstanceOf(Problem.class);
        assertThat(metering.orders.orders(operator(QT), null, null, null, 0, 0).items()).isEmpty();
    }

    @Test
    void checksTheAccountWithCustomersWhenItIsThereAndNotWithout() {
        metering.accounts((caller, number) -> {
            if (!number.equals(ACCOUNT)) {
                throw Problem.notFound("account " + number);
            }
            return new AccountRegister.AccountFacts("王小明", "城关镇人民路18号", "TQ-0001");
        });
        WorkOrderView known = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, ACCOUNT,
                null, "li", null, null));
        assertThat(known.areaCode()).isEqualTo("TQ-0001");
        assertThat(known.address()).isEqualTo("城关镇人民路18号");
        metering.orders.cancel(operator(QS), known.id(), "test");
        assertThatThrownBy(() -> metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101009999",
                null, "li", null, null))).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        // a mistyped account for a removal is said to be unknown, not to have no meter
        assertThatThrownBy(() -> metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REMOVE, "3101009999",
                null, "li", null, null))).isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(404);
                    assertThat(p.getMessage()).contains("account 3101009999");
                });
        assertThat(metering.orders.orders(operator(QS), WorkOrderStatus.OPEN, null, null, 0, 0).items()).isEmpty();
        metering.accounts(null);
        assertThat(metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101009999", null, "li",
                null, null)).status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThatThrownBy(() -> metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "31", null,
                "li", null, null))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aClosedAccountGetsNoMeterOnlyItsMeterRemoved() {
        install(M1); // at ACCOUNT, which is then closed (销户)
        metering.accounts((caller, number) -> new AccountRegister.AccountFacts("王小明", "城关镇人民路18号", "TQ-0001", true));

        assertThatThrownBy(() -> create(WorkOrderType.REPLACE))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessage("account " + ACCOUNT + " is closed; only a REMOVE order can be made for it");
        assertThatThrownBy(() -> create(WorkOrderType.INSTALL)) // a probe was told "create a REPLACE order" here
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessage("account " + ACCOUNT + " is closed; only a REMOVE order can be made for it");
        assertThatThrownBy(() -> metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL,
                "3101000002", null, "li", Phase.SINGLE, null))) // closed too, and without a meter
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessage("account 3101000002 is closed; only a REMOVE order can be made for it");
        assertThat(create(WorkOrderType.REMOVE).status()).isEqualTo(WorkOrderStatus.OPEN);
    }

    @Test
    void aMoveFromAScreenOpenedBeforeAColleaguesMoveIsRefusedAsStale() {
        WorkOrderView shown = create(WorkOrderType.INSTALL); // dispatcher A opens it, assigned to li
        WorkOrderView moved = metering.orders.handOver(operator(QS), shown.id(), "wang", "B 改派",
                OptionalLong.of(shown.version())); // dispatcher B, on a fresh screen
        assertThat(moved.version()).isGreaterThan(shown.version());

        for (Runnable stale : List.<Runnable>of(
                () -> metering.orders.handOver(operator(QS), shown.id(), "zhao", "A 改派", OptionalLong.of(shown.version())),
                () -> metering.orders.cancel(operator(QS), shown.id(), "A 取消", OptionalLong.of(shown.version())),
                () -> metering.orders.suspend(operator(QS), shown.id(), "A 挂起", OptionalLong.of(shown.version())))) {
            assertThatThrownBy(stale::run).isInstanceOfSatisfying(Problem.class, p -> {
                assertThat(p.status()).isEqualTo(409);
                assertThat(p.type()).isEqualTo(Problem.STALE);
            }).hasMessage("work order " + shown.id() + " was changed meanwhile (version " + moved.version() + ", not "
                    + shown.version() + "); reload it and try again");
        }
        WorkOrderView now = metering.orders.order(operator(QS), shown.id());
        assertThat(now.worker()).isEqualTo("wang");
        assertThat(now.status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(now.version()).isEqualTo(moved.version());

        WorkOrderView suspended = metering.orders.suspend(operator(QS), shown.id(), "客户不在家", OptionalLong.of(now.version()));
        assertThatThrownBy(() -> metering.orders.resume(operator(QS), shown.id(), OptionalLong.of(now.version())))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo(Problem.STALE));
        assertThat(metering.orders.resume(operator(QS), shown.id(), OptionalLong.of(suspended.version())).status())
                .isEqualTo(WorkOrderStatus.OPEN);
        assertThat(metering.orders.cancel(operator(QS), shown.id(), "shell: no version", OptionalLong.empty()).status())
                .isEqualTo(WorkOrderStatus.CANCELLED);
    }

    @Test
    void closingAnAccountStopsItsInstallUnderWayAndCompletingItIsRefused() {
        AtomicBoolean closed = new AtomicBoolean();
        metering.accounts((caller, number) -> new AccountRegister.AccountFacts("王小明", "城关镇人民路18号", "TQ-0001",
                closed.get()));
        WorkOrderView install = create(WorkOrderType.INSTALL);
        metering.orders.scan(LI, install.id(), M1, SCANNER);
        metering.collectEvidence(LI, install.id());
        closed.set(true); // 销户 while the worker is at the door

        assertThatThrownBy(() -> metering.orders.complete(LI, install.id(), null, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("was closed (销户) after work order " + install.id());
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.RECEIVED);

        NewWorkOrder remove = new NewWorkOrder(WorkOrderType.REMOVE, ACCOUNT, null, null, null, "销户拆表");
        WorkOrderView stopped = metering.orders.request(Caller.system(QS), remove, "customers.account-closed#9");
        assertThat(stopped.id()).isEqualTo(install.id());
        assertThat(stopped.status()).isEqualTo(WorkOrderStatus.CANCELLED);
        assertThat(stopped.history()).extracting(WorkOrderStep::note).last()
                .isEqualTo("销户 account closed (from customers.account-closed#9)");
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.RECEIVED); // li still has it
        assertThat(metering.orders.mine(LI)).isEmpty();
        assertThat(metering.store.events()).isEmpty();
        // delivered again: nothing is under way and no meter is installed, so nothing to remove
        assertThatThrownBy(() -> metering.orders.request(Caller.system(QS), remove, "customers.account-closed#9"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }

    @Test
    void anOrderIsCompletedWhenCustomersCannotSayWhetherItsAccountIsClosed() {
        WorkOrderView install = create(WorkOrderType.INSTALL); // made while customers knew the account
        metering.orders.scan(LI, install.id(), M1, SCANNER);
        metering.collectEvidence(LI, install.id());
        metering.accounts((caller, number) -> {
            throw Problem.notFound("account " + number); // an import taken back, or customers restarting
        });

        assertThat(metering.orders.complete(LI, install.id(), null, SCANNER).status()).isEqualTo(WorkOrderStatus.COMPLETED);
    }

    @Test
    void closingAnAccountTurnsItsReplacementUnderWayIntoARemoval() {
        install(M1);
        AtomicBoolean closed = new AtomicBoolean();
        metering.accounts((caller, number) -> new AccountRegister.AccountFacts("王小明", "城关镇人民路18号", "TQ-0001",
                closed.get()));
        WorkOrderView replace = create(WorkOrderType.REPLACE);
        metering.orders.scan(LI, replace.id(), M2, SCANNER);
        closed.set(true);

        NewWorkOrder remove = new NewWorkOrder(WorkOrderType.REMOVE, ACCOUNT, null, null, null, "销户拆表");
        WorkOrderView removal = metering.orders.request(Caller.system(QS), remove, "customers.account-closed#3");
        assertThat(removal.type()).isEqualTo(WorkOrderType.REMOVE);
        assertThat(removal.oldMeter()).isEqualTo(M1);
        assertThat(metering.orders.order(operator(QS), replace.id()).status()).isEqualTo(WorkOrderStatus.CANCELLED);
        assertThat(metering.orders.request(Caller.system(QS), remove, "customers.account-closed#3").id())
                .isEqualTo(removal.id());

        // a REMOVE a dispatcher made before the event serves: the event makes no second one
        metering.orders.cancel(operator(QS), removal.id(), "test");
        WorkOrderView byHand = create(WorkOrderType.REMOVE);
        assertThat(metering.orders.request(Caller.system(QS), remove, "customers.account-closed#4").id())
                .isEqualTo(byHand.id());
        assertThat(metering.orders.order(operator(QS), byHand.id()).status()).isEqualTo(WorkOrderStatus.OPEN);
    }

    @Test
    void aResidualBalanceBelongsToAPrepaidReplacementOnly() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, M1, SCANNER);
        metering.collectEvidence(LI, id);
        assertThatThrownBy(() -> metering.orders.complete(LI, id, 100L, SCANNER)).isInstanceOf(ValidationException.class);
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.RECEIVED);
    }

    @Test
    void theCompletedFormIsAPdfWithTheReadingsPhotosAndSignature() throws Exception {
        install(M1);
        WorkOrderView order = create(WorkOrderType.REPLACE);
        metering.orders.scan(LI, order.id(), M2, SCANNER);
        metering.orders.recordFinalReadings(LI, order.id(), OLD_READINGS);
        metering.collectEvidence(LI, order.id());
        WorkOrderView done = metering.orders.complete(LI, order.id(), 1520L, SCANNER);

        assertThat(done.files()).extracting(OrderFileView::kind).containsExactly(OrderFileKind.OLD_METER_PHOTO,
                OrderFileKind.NEW_METER_PHOTO, OrderFileKind.SIGNATURE, OrderFileKind.FORM);
        assertThat(done.files().get(1).barcode()).isEqualTo(M2);
        OrderFile form = metering.orders.form(operator(QS), order.id());
        assertThat(form.file().contentType()).isEqualTo("application/pdf");
        assertThat(form.file().sha256()).isEqualTo(sha256(form.content()));
        try (PDDocument pdf = PDDocument.load(form.content())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("换表", "Order", String.valueOf(order.id()), ACCOUNT, M1, M2, "1234.56", "ERR-04",
                    "0.52", "15.20", "王小明", done.files().get(0).sha256().substring(0, 32));
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).hasSizeGreaterThanOrEqualTo(3);
        }
        OrderFile photo = metering.orders.file(operator(QS), order.id(), done.files().get(1).sha256());
        assertThat(photo.content()).isEqualTo(TestMetering.image("png", 2));
        assertThatThrownBy(() -> metering.orders.form(operator(QT), order.id()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void badPhotosAreRefusedAndKeepNothing() {
        long id = create(WorkOrderType.INSTALL).id();
        assertThatThrownBy(() -> metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png",
                TestMetering.image("png", 2), SCANNER)).hasMessageContaining("scan the new meter's barcode first");
        metering.orders.scan(LI, id, M1, SCANNER);
        byte[] pdf = "%PDF-1.7 not a photo".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/jpeg", pdf,
                SCANNER)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("photo", "must be a JPEG or PNG image"));
        assertThatThrownBy(() -> metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/jpeg",
                TestMetering.image("png", 2), SCANNER)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("photo", "is declared as image/jpeg but is image/png"));
        byte[] truncated = java.util.Arrays.copyOf(TestMetering.image("png", 2), 20);
        assertThatThrownBy(() -> metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png",
                truncated, SCANNER)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("photo", "is not a readable image"));
        for (String format : List.of("jpg", "png")) {
            // the header (and so the size) is whole, the picture is cut off: refused now, not when the form is rendered
            byte[] photo = TestMetering.image(format, 2);
            byte[] cutOff = java.util.Arrays.copyOf(photo, photo.length * 3 / 4);
            assertThatThrownBy(() -> metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, null, cutOff,
                    SCANNER)).as(format).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.byField()).containsEntry("photo", "is damaged or cut off; take it again"));
        }
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy(TestMetering.image("png", 2), 0, big, 0, 8);
        assertThatThrownBy(() -> metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png", big,
                SCANNER)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("photo", "is larger than 65536 bytes"));
        assertThatThrownBy(() -> metering.orders.attachPhoto(LI, id, OrderFileKind.FORM, "image/png",
                TestMetering.image("png", 2), SCANNER)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> metering.orders.sign(LI, id, "王小明", "image/jpeg", TestMetering.image("jpg", 3), SCANNER))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("signature", "must be a PNG image"));
        assertThat(metering.orders.order(LI, id).files()).isEmpty();

        metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png", TestMetering.image("png", 2), SCANNER);
        WorkOrderView twice = metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png",
                TestMetering.image("png", 2), SCANNER);
        assertThat(twice.files()).hasSize(1);
        assertThatThrownBy(() -> metering.orders.sign(LI, id, "王小明", "image/png", TestMetering.image("png", 3), SCANNER))
                .hasMessageContaining("still missing: the new meter's infrared reading");
        assertThat(metering.orders.order(LI, id).files()).hasSize(1);
    }

    @Test
    void aPhotoTakenAfterTheSignatureVoidsItAndAResentPhotoChangesNothing() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, M1, SCANNER);
        WorkOrderView signed = metering.collectEvidence(LI, id);
        assertThat(signed.signedBy()).isEqualTo("王小明");

        WorkOrderView resent = metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png",
                TestMetering.image("png", 2), SCANNER);
        assertThat(resent.signedBy()).isEqualTo("王小明");
        assertThat(resent.history()).hasSameSizeAs(signed.history());
        assertThat(resent.version()).isEqualTo(signed.version());

        WorkOrderView retaken = metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png",
                TestMetering.image("png", 4), SCANNER);
        assertThat(retaken.signedBy()).isNull();
        assertThat(retaken.history().get(retaken.history().size() - 1).note())
                .endsWith("; the signature of 王小明 is void: the customer signs again");
        assertThatThrownBy(() -> metering.orders.complete(LI, id, null, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("signature");
        metering.orders.sign(LI, id, "王小明", "image/png", TestMetering.image("png", 3), SCANNER);
        assertThat(metering.orders.complete(LI, id, null, SCANNER).status()).isEqualTo(WorkOrderStatus.COMPLETED);
    }

    @Test
    void aMeterScannedOnOneOrderUnderWayCannotBeScannedOnAnother() {
        long first = create(WorkOrderType.INSTALL).id();
        long second = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101000002",
                "城关镇人民路20号", "li", Phase.SINGLE, null)).id();
        metering.orders.scan(LI, first, M1, SCANNER);

        assertThatThrownBy(() -> metering.orders.scan(LI, second, M1, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessage("meter " + M1 + " refused: it is scanned on work order #" + first + ", which is under way");
        assertThat(metering.orders.order(LI, second).newMeter()).isNull();
        metering.orders.cancel(operator(QS), first, "客户暂缓");
        assertThat(metering.orders.scan(LI, second, M1, SCANNER).newMeter()).isEqualTo(M1);
    }

    @Test
    void theSamePictureSentForAnotherMeterIsThatMetersPhoto() {
        long id = create(WorkOrderType.INSTALL).id();
        metering.orders.scan(LI, id, M1, SCANNER);
        metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png", TestMetering.image("png", 2), SCANNER);
        metering.orders.scan(LI, id, M2, SCANNER); // the worker scanned the wrong meter first

        WorkOrderView second = metering.orders.attachPhoto(LI, id, OrderFileKind.NEW_METER_PHOTO, "image/png",
                TestMetering.image("png", 2), SCANNER);

        assertThat(second.files()).extracting(OrderFileView::barcode).containsExactly(M1, M2);
    }

    static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
