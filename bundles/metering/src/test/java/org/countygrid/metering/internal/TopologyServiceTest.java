package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.M2;
import static org.countygrid.metering.internal.TestMetering.M3;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.QT;
import static org.countygrid.metering.internal.TestMetering.SCANNER;
import static org.countygrid.metering.internal.TestMetering.caller;
import static org.countygrid.metering.internal.TestMetering.field;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.countygrid.metering.AttachedMeter;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.StockCount;
import org.countygrid.metering.NewTerminal;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.TerminalKind;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyCheck;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.event.TerminalArchiveSync;
import org.countygrid.metering.event.TopologyChanged;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Terminals as assets, the topology kept by work orders, and the reconciliation with a terminal's archive. */
class TopologyServiceTest {

    static final Caller LI = field(QS, "li");
    static final String AREA = "CG-001";
    static final String T1 = "QS-T0001";

    private final TestMetering metering = new TestMetering();

    @BeforeEach
    void stock() {
        metering.stockAtStation(QS);
        for (String m : List.of(M1, M2, M3)) {
            metering.meters.receive(LI, m, "CG", SCANNER);
        }
        // the customers module knows every account as one of area CG-001
        metering.accounts((caller, number) -> new AccountRegister.AccountFacts("王小明", "人民路" + number, AREA));
    }

    @AfterEach
    void stop() {
        metering.close();
    }

    TerminalView terminalInstalled(String asset, String address) {
        return terminalInstalled(asset, address, TerminalKind.CONCENTRATOR);
    }

    TerminalView terminalInstalled(String asset, String address, TerminalKind kind) {
        return terminalInstalled(asset, address, kind, AREA);
    }

    TerminalView terminalInstalled(String asset, String address, TerminalKind kind, String area) {
        Caller op = operator(QS);
        metering.topology.register(op, new NewTerminal(asset, address, kind, "威胜"), SCANNER);
        metering.topology.verify(op, asset, null, SCANNER);
        metering.topology.preIssue(op, asset, "CG", "A1", SCANNER);
        metering.topology.receive(LI, asset, "CG", SCANNER);
        return metering.topology.install(LI, asset, area, SCANNER);
    }

    long install(String account, String barcode) {
        long id = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, account, null, "li",
                null, null)).id();
        metering.orders.scan(LI, id, barcode, SCANNER);
        metering.collectEvidence(LI, id);
        metering.orders.complete(LI, id, null, SCANNER);
        return id;
    }

    @Test
    void aTerminalIsAnAssetWithTheMetersLifecycle() {
        Caller op = operator(QS);
        assertThatThrownBy(() -> metering.topology.register(op, new NewTerminal("QS T1", "xyz", null, " "), SCANNER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                        .containsKeys("assetNumber", "address", "kind", "manufacturer"));
        TerminalView t = metering.topology.register(op, new NewTerminal(T1, "3301a001", TerminalKind.CONCENTRATOR, "威胜"),
                SCANNER);
        assertThat(t.address()).isEqualTo("3301A001");
        assertThat(t.state()).isEqualTo(MeterState.IN_STOCK);
        assertThatThrownBy(() -> metering.topology.register(op, new NewTerminal(T1, "3301A001", TerminalKind.COLLECTOR,
                "x"), SCANNER)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsKeys("assetNumber", "address"));
        assertThatThrownBy(() -> metering.topology.install(LI, T1, AREA, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("terminal QS-T0001 refused: it is IN_STOCK: nobody received it");
        assertThatThrownBy(() -> metering.topology.verify(LI, T1, null, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> metering.topology.terminal(operator(QT), T1))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void aTerminalArrivesInAWarehouseAndIsTransferredOnlyWhileInStockOrVerified() {
        Caller op = operator(QS);
        TerminalView t1 = metering.topology.register(op, new NewTerminal(T1, "3301A001", TerminalKind.CONCENTRATOR, "威胜"),
                "KF-T", SCANNER);
        TerminalView t2 = metering.topology.register(op, new NewTerminal("QS-T0002", "3301A002", TerminalKind.COLLECTOR,
                "威胜"), SCANNER);
        assertThat(t1.warehouseCode()).isEqualTo("KF-T");
        assertThat(t2.warehouseCode()).as("the configured default").isEqualTo("MAIN");
        assertThat(metering.meters.stock(op).terminalsByWarehouse()).containsExactly(
                new StockCount("KF-T", MeterState.IN_STOCK, 1), new StockCount("MAIN", MeterState.IN_STOCK, 1));
        assertThat(metering.meters.stock(operator(QT)).terminalsByWarehouse()).as("another office's").isEmpty();

        TerminalView moved = metering.topology.transfer(op, T1, "MAIN", new FieldContext("PDA-07", "县公司库房"));

        assertThat(moved.warehouseCode()).isEqualTo("MAIN");
        assertThat(moved.state()).isEqualTo(MeterState.IN_STOCK);
        assertThat(metering.topology.terminal(op, T1).warehouseCode()).isEqualTo("MAIN");
        assertThatThrownBy(() -> metering.topology.transfer(op, T1, "MAIN", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("terminal QS-T0001 refused: it is in warehouse MAIN already");
        assertThatThrownBy(() -> metering.topology.transfer(op, T1, " ", SCANNER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("warehouseCode"));
        assertThatThrownBy(() -> metering.topology.transfer(LI, T1, "KF-T", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        metering.topology.verify(op, T1, null, SCANNER);
        metering.topology.preIssue(op, T1, "CG", "A1", SCANNER);
        assertThatThrownBy(() -> metering.topology.transfer(op, T1, "KF-T", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("it is PRE_ISSUED; only a terminal in stock or verified is kept in a warehouse");
        assertThat(metering.topology.terminal(op, T1).warehouseCode()).as("a refused transfer changed nothing")
                .isEqualTo("MAIN");

        // its audit trail: every transition with who, which device and where, the refused ones absent
        assertThat(metering.topology.history(caller(QS, "sun", Role.AUDITOR), T1)).extracting(MeterTransitionView::to, MeterTransitionView::actor,
                MeterTransitionView::deviceId).containsExactly(
                        tuple(MeterState.IN_STOCK, op.user(), SCANNER.deviceId()),
                        tuple(MeterState.IN_STOCK, op.user(), "PDA-07"),
                        tuple(MeterState.VERIFIED, op.user(), SCANNER.deviceId()),
                        tuple(MeterState.PRE_ISSUED, op.user(), SCANNER.deviceId()));
        assertThat(metering.topology.history(op, T1).get(1).location()).isEqualTo("县公司库房");
        assertThatThrownBy(() -> metering.topology.history(operator(QT), T1))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void aTerminalVerifiedWithoutADateIsVerifiedOnTodayInChina() {
        metering.topology.register(operator(QS), new NewTerminal(T1, "3301A001", TerminalKind.CONCENTRATOR, "威胜"), SCANNER);
        metering.clock.set(Instant.parse("2026-11-20T17:30:00Z")); // 01:30 on the 21st in China

        assertThat(metering.topology.verify(operator(QS), T1, null, SCANNER).verifiedOn())
                .isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void anAccountMovedToAnotherAreaTakesItsMeterAndItsOrderUnderWayAlong() {
        terminalInstalled(T1, "3301A001");
        terminalInstalled("QS-T0002", "3301A002", TerminalKind.CONCENTRATOR, "CG-002");
        install("3101000001", M1);
        install("3101000002", M2);
        long remove = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REMOVE, "3101000001", null,
                "li", null, null)).id();
        long byHand = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REMOVE, "3101000002",
                "人民路3101000002号 东门进", "li", null, null)).id();
        // 台区切改: both accounts now belong to CG-002, and account 1 has a corrected address
        metering.accounts((caller, number) -> new AccountRegister.AccountFacts("王小明",
                number.equals("3101000001") ? "人民路1号" : "人民路" + number, "CG-002"));
        int eventsBefore = metering.store.events().size();

        metering.orders.followAccount(Caller.system(QS), "3101000001", "人民路3101000001", "customers.account-changed#9");
        metering.orders.followAccount(Caller.system(QS), "3101000002", null, "customers.account-changed#10");

        assertThat(metering.topology.area(operator(QS), AREA).attached()).isEmpty();
        assertThat(metering.topology.area(operator(QS), "CG-002").attached())
                .extracting(AttachedMeter::barcode, AttachedMeter::terminal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(M1, "QS-T0002"),
                        org.assertj.core.groups.Tuple.tuple(M2, "QS-T0002"));
        WorkOrderView followed = metering.orders.order(operator(QS), remove);
        assertThat(followed.address()).isEqualTo("人民路1号");
        assertThat(followed.areaCode()).isEqualTo("CG-002");
        assertThat(followed.history()).last().satisfies(step -> {
            assertThat(step.action()).isEqualTo("account-changed");
            assertThat(step.note()).isEqualTo("address 人民路3101000001 → 人民路1号; area CG-001 → CG-002"
                    + " (from customers.account-changed#9)");
        });
        WorkOrderView given = metering.orders.order(operator(QS), byHand);
        assertThat(given.address()).as("an address given for the order by hand stays").isEqualTo("人民路3101000002号 东门进");
        assertThat(given.areaCode()).isEqualTo("CG-002");
        assertThat(metering.store.events().subList(eventsBefore, metering.store.events().size()))
                .extracting(e -> ((TopologyChanged) e).barcode() + (((TopologyChanged) e).attached() ? "+" : "-")
                        + ((TopologyChanged) e).terminal())
                .containsExactly(M1 + "-" + T1, M1 + "+QS-T0002", M2 + "-" + T1, M2 + "+QS-T0002");

        // the same change delivered again changes nothing
        long version = metering.orders.order(operator(QS), remove).version();
        metering.orders.followAccount(Caller.system(QS), "3101000001", "人民路3101000001", "customers.account-changed#9");
        assertThat(metering.orders.order(operator(QS), remove).version()).isEqualTo(version);
        assertThat(metering.store.events()).hasSize(eventsBefore + 4);
    }

    @Test
    void workOrdersKeepTheTopologyInStep() {
        install("3101000001", M1); // before the terminal: hangs nowhere yet
        assertThat(metering.topology.area(operator(QS), AREA).unattached()).extracting(AttachedMeter::barcode)
                .containsExactly(M1);

        TerminalView t = terminalInstalled(T1, "3301A001");
        assertThat(t.meters()).isEqualTo(1); // the terminal adopted the area's meter
        install("3101000002", M2);
        assertThat(metering.topology.area(operator(QS), AREA).attached()).extracting(AttachedMeter::barcode)
                .containsExactly(M1, M2);
        // the meters under each terminal: in the area's view, in the office's list and in the area's list alike
        assertThat(metering.topology.area(operator(QS), AREA).terminals()).extracting(TerminalView::meters)
                .containsExactly(2L);
        assertThat(metering.topology.terminals(operator(QS), null)).extracting(TerminalView::meters).containsExactly(2L);
        assertThat(metering.topology.terminals(operator(QS), AREA)).extracting(TerminalView::meters).containsExactly(2L);
        assertThat(metering.topology.terminals(operator(QS), "CG-002")).isEmpty();

        // replacing M1 by M3: the attachment moves to the new meter
        long replace = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REPLACE, "3101000001", null,
                "li", null, null)).id();
        metering.orders.scan(LI, replace, M3, SCANNER);
        metering.orders.recordFinalReadings(LI, replace, new FinalReadings(new BigDecimal("10"), null, null, null, null));
        metering.collectEvidence(LI, replace);
        metering.orders.complete(LI, replace, 0L, SCANNER);
        assertThat(metering.topology.area(operator(QS), AREA).attached())
                .extracting(AttachedMeter::barcode, AttachedMeter::accountNumber, AttachedMeter::terminal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(M2, "3101000002", T1),
                        org.assertj.core.groups.Tuple.tuple(M3, "3101000001", T1));
        assertThat(metering.store.events()).filteredOn(TopologyChanged.class::isInstance)
                .extracting(e -> ((TopologyChanged) e).barcode() + (((TopologyChanged) e).attached() ? "+" : "-"))
                .containsExactly(M1 + "+", M2 + "+", M1 + "-", M3 + "+");

        // removing the terminal leaves its meters under none
        metering.topology.remove(LI, T1, SCANNER);
        assertThat(metering.topology.area(operator(QS), AREA).unattached()).hasSize(2);
    }

    @Test
    void aMeterInstalledInAnAreaWithACollectorAndAConcentratorHangsUnderTheConcentrator() {
        terminalInstalled("QS-T0000", "3301A000", TerminalKind.COLLECTOR); // first by asset number, and by kind as text
        terminalInstalled(T1, "3301A001", TerminalKind.CONCENTRATOR);

        install("3101000001", M1);

        assertThat(metering.topology.area(operator(QS), AREA).attached())
                .extracting(AttachedMeter::barcode, AttachedMeter::terminal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(M1, T1));
    }

    @Test
    void aTerminalIsInstalledOnlyInAnAreaTheOfficeHas() {
        metering.accounts(new AccountRegister() {
            @Override
            public AccountFacts requireAccount(Caller caller, String accountNumber) {
                return new AccountFacts("王小明", "人民路" + accountNumber, AREA);
            }

            @Override
            public void requireArea(Caller caller, String areaCode) {
                if (!AREA.equals(areaCode)) {
                    throw Problem.notFound("transformer area " + areaCode);
                }
            }
        });
        Caller op = operator(QS);
        metering.topology.register(op, new NewTerminal(T1, "3301A001", TerminalKind.CONCENTRATOR, "威胜"), SCANNER);
        metering.topology.verify(op, T1, null, SCANNER);
        metering.topology.preIssue(op, T1, "CG", "A1", SCANNER);
        metering.topology.receive(LI, T1, "CG", SCANNER);

        assertThatThrownBy(() -> metering.topology.install(LI, T1, "CG-0O1", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(metering.topology.terminal(op, T1).state()).isEqualTo(MeterState.RECEIVED);
        assertThat(metering.topology.install(LI, T1, AREA, SCANNER).state()).isEqualTo(MeterState.INSTALLED);
        // an area the office does not have is a 404 for the views too, not an empty area
        assertThatThrownBy(() -> metering.topology.area(op, "CG-0O1"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> metering.topology.terminals(op, "CG-0O1"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(metering.topology.terminals(op, AREA)).hasSize(1);
        assertThat(metering.topology.area(op, AREA).terminals()).hasSize(1);
    }

    @Test
    void aMeterPutUnderASecondTerminalAtOnceIsAStaleWriteNotAPlainConflict() {
        String insert = "insert into mtr_topology (office, terminal, area_code, barcode, comm_address, attached_at,"
                + " attached_barcode) values ('QS', '%s', 'CG-001', '" + M1 + "', '000000000001', timestamp"
                + " '2026-11-20 00:00:00', '" + M1 + "')";

        assertThatThrownBy(() -> StaleWrites.write(metering.store, operator(QS), "the topology of terminal QS-T0002", em -> {
            em.createNativeQuery(String.format(insert, "QS-T0001")).executeUpdate();
            em.createNativeQuery(String.format(insert, "QS-T0002")).executeUpdate(); // the other writer's row
            return null;
        })).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.type()).isEqualTo(Problem.STALE);
        }).hasMessage("the topology of terminal QS-T0002 was changed by someone else meanwhile; reload it and try again");
        assertThat(metering.store.count("mtr_topology")).isZero();
    }

    @Test
    void reconciliationReportsAndFixesTheDifferences() {
        terminalInstalled(T1, "3301A001");
        install("3101000001", M1); // 000000000001 under T1
        install("3101000002", M2); // 000000000002 under T1
        metering.topology.register(operator(QS), new NewTerminal("QS-T0002", "3301A002", TerminalKind.CONCENTRATOR,
                "威胜"), SCANNER);

        // the terminal reads M2, an address nobody knows, and M3 which is not installed; it lacks M1
        TopologyCheck check = metering.topology.report(operator(QS), T1,
                List.of("000000000002", "000000009999", "000000000003"));
        assertThat(check.missing()).containsExactly("000000000001");
        assertThat(check.extra()).containsExactly("000000009999");
        assertThat(check.mismatched()).singleElement().satisfies(m -> {
            assertThat(m.barcode()).isEqualTo(M3);
            assertThat(m.reason()).isEqualTo("not installed in this area (it is RECEIVED)");
        });
        assertThat(check.consistent()).isFalse();
        assertThat(metering.topology.check(field(QS, "li"), T1)).isEqualTo(check);

        TopologyCheck applied = metering.topology.apply(operator(QS), T1);
        assertThat(applied.applied()).isTrue();
        assertThat(metering.store.events()).filteredOn(TerminalArchiveSync.class::isInstance).singleElement()
                .satisfies(e -> {
                    TerminalArchiveSync sync = (TerminalArchiveSync) e;
                    assertThat(sync.add()).containsExactly("000000000001");
                    assertThat(sync.delete()).containsExactly("000000000003", "000000009999");
                });

        assertThatThrownBy(() -> metering.topology.report(operator(QS), T1, List.of("12AB")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("[0]"));
        assertThatThrownBy(() -> metering.topology.check(operator(QS), "QS-T0002"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(() -> metering.topology.apply(LI, T1))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));

        // a terminal in the warehouse reads no meters: no archive taken, no fix sent to it (a probe had both)
        int events = metering.store.events().size();
        assertThatThrownBy(() -> metering.topology.report(operator(QS), "QS-T0002", List.of("000000000001")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessage("terminal QS-T0002 is not installed in a transformer area (it is IN_STOCK): only an"
                        + " installed terminal's archive is compared with the meters under it");
        assertThatThrownBy(() -> metering.topology.apply(operator(QS), "QS-T0002"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("is not installed in a transformer area");
        assertThat(metering.store.events()).hasSize(events);
    }

    @Test
    void aTerminalThatLostItsArchiveReportsItEmptyAndEveryMeterIsMissing() {
        terminalInstalled(T1, "3301A001");
        install("3101000001", M1);
        install("3101000002", M2);
        metering.topology.report(operator(QS), T1, List.of("000000000001", "000000000002"));
        metering.clock.set(metering.clock.instant().plus(java.time.Duration.ofHours(1)));

        // a concentrator reset on site: its archive comes back empty — a report, not "never reported"
        TopologyCheck reset = metering.topology.report(operator(QS), T1, List.of());
        assertThat(reset.reported()).isZero();
        assertThat(reset.reportedAt()).isEqualTo(metering.clock.instant());
        assertThat(reset.missing()).containsExactly("000000000001", "000000000002");
        assertThat(metering.topology.check(operator(QS), T1)).isEqualTo(reset);

        metering.topology.apply(operator(QS), T1);
        assertThat(metering.store.events()).filteredOn(TerminalArchiveSync.class::isInstance).last()
                .satisfies(e -> assertThat(((TerminalArchiveSync) e).add()).containsExactly("000000000001", "000000000002"));
    }
}
