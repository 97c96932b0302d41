package org.countygrid.metering.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.M2;
import static org.countygrid.metering.internal.TestMetering.QS;

import java.util.ArrayList;
import java.util.List;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.NewTerminal;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.Phase;
import org.countygrid.metering.TerminalKind;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.internal.TestMetering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.ShellSession;
import org.countygrid.platform.testing.TypedCommandLine;

/** meter-receive, meter-show, order-list and barcode completion, run as logged-in shell users on the real services. */
class MeteringCommandsTest {

    private final TestMetering metering = new TestMetering();
    private final ShellSession li = new ShellSession("li", "field", "office.QS");
    private final ShellSession zhang = new ShellSession("zhang", "operator", "office.QS");

    @BeforeEach
    void stock() {
        metering.stockAtStation(QS);
    }

    @AfterEach
    void stop() {
        metering.close();
    }

    MeterReceiveCommand receive(String barcode, String station) {
        MeterReceiveCommand receive = new MeterReceiveCommand();
        receive.meters = metering.meters;
        receive.barcode = barcode;
        receive.station = station;
        receive.device = "DESK-1";
        return receive;
    }

    @Test
    void receivesAsTheShellUserAndRefusesASecondReceiptInOneLine() throws Exception {
        ShellSession.Output first = li.run(receive(M1, "CG")::execute);
        ShellSession.Output second = li.run(receive(M1, "CG")::execute);

        assertThat(first.out()).isEqualTo("Received " + M1 + " (QS-A0001) by li at station CG" + System.lineSeparator());
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).isEqualTo("Error: meter " + M1 + " refused: it was received already by li" + System.lineSeparator());
    }

    @Test
    void movesAMeterInStockToAnotherWarehouseForStockRolesOnly() throws Exception {
        String m5 = "3300000000000000000005";
        metering.meters.register(TestMetering.operator(QS), new NewMeter(m5, "QS-A0005", "000000000005", Phase.SINGLE,
                FeeControl.LOCAL, "华立", "2"), TestMetering.SCANNER);
        MeterTransferCommand transfer = new MeterTransferCommand();
        transfer.meters = metering.meters;
        transfer.barcode = m5;
        transfer.warehouse = "KF-02";

        ShellSession.Output byField = li.run(transfer::execute);
        ShellSession.Output byOperator = zhang.run(transfer::execute);
        transfer.barcode = M1;
        ShellSession.Output preIssued = zhang.run(transfer::execute);

        assertThat(byField.err()).startsWith("Error: user li needs one of the roles");
        assertThat(byOperator.out()).isEqualTo("Moved " + m5 + " (QS-A0005, IN_STOCK) to warehouse KF-02" + System.lineSeparator());
        assertThat(preIssued.err()).contains("only a meter in stock or verified is kept in a warehouse");
        assertThat(metering.meters.meter(TestMetering.operator(QS), m5).warehouseCode()).isEqualTo("KF-02");
    }

    @Test
    void takesAPreIssuedMeterBackIntoItsWarehouseForStockRolesOnly() throws Exception {
        MeterReturnCommand giveBack = new MeterReturnCommand();
        giveBack.meters = metering.meters;
        giveBack.barcode = M1;
        giveBack.reason = "城关所多领";

        ShellSession.Output byField = li.run(giveBack::execute);
        ShellSession.Output byOperator = zhang.run(giveBack::execute);
        ShellSession.Output again = zhang.run(giveBack::execute);

        assertThat(byField.err()).startsWith("Error: user li needs one of the roles");
        assertThat(byOperator.out()).isEqualTo("Returned " + M1 + " (QS-A0001, VERIFIED) to warehouse MAIN"
                + System.lineSeparator());
        assertThat(again.err()).isEqualTo("Error: meter " + M1 + " refused: it is VERIFIED; only a pre-issued or"
                + " received meter goes back to its warehouse" + System.lineSeparator());
        assertThat(metering.meters.history(TestMetering.operator(QS), M1)).last()
                .satisfies(t -> assertThat(t.detail()).isEqualTo("back to warehouse: 城关所多领"));
    }

    @Test
    void movesATerminalInStockToAnotherWarehouseForStockRolesOnly() throws Exception {
        metering.topology.register(TestMetering.operator(QS), new NewTerminal("QS-T0009", "3301A009",
                TerminalKind.CONCENTRATOR, "威胜"), TestMetering.SCANNER);
        TerminalTransferCommand transfer = new TerminalTransferCommand();
        transfer.topology = metering.topology;
        transfer.asset = "QS-T0009";
        transfer.warehouse = "KF-02";

        ShellSession.Output byField = li.run(transfer::execute);
        ShellSession.Output byOperator = zhang.run(transfer::execute);
        ShellSession.Output again = zhang.run(transfer::execute);

        assertThat(byField.err()).startsWith("Error: user li needs one of the roles");
        assertThat(byOperator.out()).isEqualTo("Moved QS-T0009 (CONCENTRATOR, IN_STOCK) to warehouse KF-02"
                + System.lineSeparator());
        assertThat(again.err()).isEqualTo("Error: terminal QS-T0009 refused: it is in warehouse KF-02 already"
                + System.lineSeparator());
        assertThat(again.failed()).as("a refusal is a failed command: bin/client exits with status 1").isTrue();
        assertThat(byOperator.failed()).isFalse();
        assertThat(metering.topology.terminal(TestMetering.operator(QS), "QS-T0009").warehouseCode()).isEqualTo("KF-02");
    }

    @Test
    void showsAMeterWithItsHistory() throws Exception {
        li.run(receive(M1, "CG")::execute);
        MeterShowCommand show = new MeterShowCommand();
        show.meters = metering.meters;
        show.barcode = M1;
        show.history = true;

        String out = zhang.run(show::execute).out();

        assertThat(out).contains("QS-A0001", "000000000001", "RECEIVED", "CG / A1", "li", "DESK-1", "received at station CG");
        show.barcode = "42";
        assertThat(zhang.run(show::execute).err()).isEqualTo("Error: barcode: must be exactly 22 digits" + System.lineSeparator());
    }

    @Test
    void listsOrdersByStatusAndRejectsAnUnknownStatus() throws Exception {
        metering.orders.create(TestMetering.operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", "人民路18号",
                "li", null, null));
        OrderListCommand list = new OrderListCommand();
        list.orders = metering.orders;
        list.status = "open";

        assertThat(zhang.run(list::execute).out()).contains("INSTALL", "OPEN", "3101000001", "li", "1 work orders");
        list.status = "DONE";
        assertThat(zhang.run(list::execute).err()).startsWith("Error: --status must be one of");
        // paging options read in our words, not Karaf's "to type java.lang.Integer"
        list.status = "open";
        list.limit = "abc";
        assertThat(zhang.run(list::execute).err()).contains("limit: must be a whole number").doesNotContain("java.lang");
        list.limit = "0";
        assertThat(zhang.run(list::execute).err()).contains("limit: must be at least 1");
        list.limit = null;
        list.offset = "-";
        assertThat(zhang.run(list::execute).err()).contains("offset: must be a whole number");
    }

    @Test
    void completesBarcodesOfTheOfficeFromSixDigits() throws Exception {
        BarcodeCompleter completer = new BarcodeCompleter();
        completer.meters = metering.meters;
        List<String> few = new ArrayList<>();
        List<String> all = new ArrayList<>();

        zhang.run(() -> completer.complete(null, new TypedCommandLine("metering:meter-show", "33000"), few));
        zhang.run(() -> completer.complete(null, new TypedCommandLine("metering:meter-show", "330000"), all));

        assertThat(few).isEmpty();
        assertThat(all).extracting(String::strip).contains(M1, M2).hasSize(4);
    }

    @Test
    void completesTheOfficesFieldWorkersWarehousesAndTerminals() throws Exception {
        metering.staff((office, role) -> java.util.Optional.of(office.equals(QS) ? List.of("li", "wang") : List.of("zhao")));
        metering.topology.register(org.countygrid.metering.internal.TestMetering.operator(QS),
                new NewTerminal("QS-T0001", "3301A001", org.countygrid.metering.TerminalKind.CONCENTRATOR, "威胜"), "KF-T", null);
        WorkerCompleter workers = new WorkerCompleter();
        workers.orders = metering.orders;
        TerminalCompleter terminals = new TerminalCompleter();
        terminals.topology = metering.topology;
        List<String> offeredWorkers = new ArrayList<>();
        List<String> offeredTerminals = new ArrayList<>();
        List<String> outsider = new ArrayList<>();

        zhang.run(() -> workers.complete(null, new TypedCommandLine("metering:order-list --worker", ""), offeredWorkers));
        zhang.run(() -> terminals.complete(null, new TypedCommandLine("metering:terminal-show", "QS"), offeredTerminals));
        new ShellSession("sun", "auditor", "office.QS").run(
                () -> workers.complete(null, new TypedCommandLine("metering:order-list --worker", ""), outsider));

        assertThat(offeredWorkers).extracting(String::strip).containsExactly("li", "wang");
        assertThat(offeredTerminals).extracting(String::strip).containsExactly("QS-T0001");
        assertThat(outsider).as("an auditor gives no orders: no names, no error").isEmpty();
    }

    @Test
    void topologyCheckShowsTheDifferencesAndAppliesTheFixOnlyForTheRightRole() throws Exception {
        org.countygrid.platform.api.security.Caller op = org.countygrid.metering.internal.TestMetering.operator(QS);
        metering.topology.register(op, new org.countygrid.metering.NewTerminal("QS-T0001", "3301A001",
                org.countygrid.metering.TerminalKind.CONCENTRATOR, "威胜"), null);
        org.countygrid.platform.api.security.Caller worker = org.countygrid.metering.internal.TestMetering.field(QS, "li");
        metering.topology.verify(op, "QS-T0001", null, null);
        metering.topology.preIssue(op, "QS-T0001", "CG", "A1", null);
        metering.topology.receive(worker, "QS-T0001", "CG", null);
        metering.topology.install(worker, "QS-T0001", "CG-001", null); // only an installed terminal reports
        TopologyCheckCommand check = new TopologyCheckCommand();
        check.topology = metering.topology;
        check.terminal = "QS-T0001";
        ShellSession.Output before = zhang.run(check::execute);
        assertThat(before.err()).isEqualTo("Error: terminal QS-T0001 has not reported its archive yet" + System.lineSeparator());

        metering.topology.report(op, "QS-T0001", java.util.List.of("000000000001"));
        ShellSession.Output shown = zhang.run(check::execute);
        assertThat(shown.out()).contains("reported 1 meters", "mismatched", "000000000001", M1,
                "not installed in this area (it is PRE_ISSUED)", "Run with --apply to fix.");
        check.apply = true;
        ShellSession.Output refused = li.run(check::execute);
        assertThat(refused.err()).startsWith("Error: ");
        ShellSession.Output applied = zhang.run(check::execute);
        assertThat(applied.out()).contains("Applied");

        TerminalListCommand list = new TerminalListCommand();
        list.topology = metering.topology;
        assertThat(li.run(list::execute).out()).contains("QS-T0001", "3301A001", "CONCENTRATOR", "INSTALLED", "1 terminals");
    }
}
