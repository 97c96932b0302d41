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

import java.time.LocalDate;
import java.util.List;

import org.countygrid.metering.FieldContext;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.MeterView;
import org.countygrid.metering.StockCount;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Meter stock on the real unit and schema (H2): arrivals, audited transitions, refusals, stock, office isolation. */
class MeterServiceTest {

    private final TestMetering metering = new TestMetering();

    @AfterEach
    void stop() {
        metering.close();
    }

    @Test
    void aDeliveryArrivesInStockWithOneAuditRowPerMeter() {
        var summary = metering.meters.receiveDelivery(operator(QS), "B-2026-11", TestMetering.DELIVERY, SCANNER);

        assertThat(summary.meters()).isEqualTo(4);
        assertThat(metering.meters.stock(operator(QS)).byState()).containsEntry(MeterState.IN_STOCK, 4L)
                .containsEntry(MeterState.VERIFIED, 0L);
        assertThat(metering.meters.history(operator(QS), M4)).singleElement().satisfies(t -> {
            assertThat(t.from()).isNull();
            assertThat(t.to()).isEqualTo(MeterState.IN_STOCK);
            assertThat(t.actor()).isEqualTo("zhang");
            assertThat(t.deviceId()).isEqualTo("PDA-07");
            assertThat(t.detail()).isEqualTo("delivery B-2026-11 into warehouse MAIN");
        });
    }

    @Test
    void twoScansOfOneMeterAtOnceReceiveItOnceAndRefuseTheOtherWithA409() throws Exception {
        metering.stockAtStation(QS);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (String meter : java.util.List.of(M1, M2, M3, M4)) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.List<java.util.concurrent.Future<MeterView>> scans = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    scans.add(two.submit(() -> {
                        together.await();
                        return metering.meters.receive(field(QS, "li"), meter, "CG", SCANNER);
                    }));
                }
                int received = 0;
                for (java.util.concurrent.Future<MeterView> scan : scans) {
                    try {
                        scan.get();
                        received++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        // stale (read before the other committed) or "received already" (read after): a 409 either way
                        assertThat(e.getCause()).isInstanceOfSatisfying(Problem.class,
                                p -> assertThat(p.status()).as(p.getMessage()).isEqualTo(409));
                    }
                }
                assertThat(received).as(meter).isEqualTo(1);
                assertThat(metering.meters.history(operator(QS), meter)).filteredOn(t -> t.to() == MeterState.RECEIVED)
                        .hasSize(1);
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aReceivedMeterNobodyWillInstallGoesBackToItsWarehouseUnlessAnOrderHoldsIt() {
        metering.stockAtStation(QS);
        metering.meters.receive(field(QS, "li"), M1, "CG", SCANNER);
        long order = metering.orders.create(operator(QS), new org.countygrid.metering.NewWorkOrder(
                org.countygrid.metering.WorkOrderType.INSTALL, "3101000001", "人民路1号", "li", null, null)).id();
        metering.orders.scan(field(QS, "li"), order, M1, SCANNER);

        assertThatThrownBy(() -> metering.meters.returnToStock(operator(QS), M1, "李师傅离职", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("it is scanned on work order #" + order);
        assertThatThrownBy(() -> metering.meters.returnToStock(field(QS, "li"), M1, "李师傅离职", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> metering.meters.returnToStock(operator(QS), M1, " ", SCANNER))
                .isInstanceOf(ValidationException.class);
        metering.orders.cancel(operator(QS), order, "客户暂缓装表");

        MeterView back = metering.meters.returnToStock(operator(QS), M1, "李师傅离职", SCANNER);

        assertThat(back.state()).isEqualTo(MeterState.VERIFIED);
        assertThat(back.warehouseCode()).isEqualTo("MAIN");
        assertThat(back.stationCode()).isNull();
        assertThat(metering.meters.history(operator(QS), M1)).last().satisfies(t -> {
            assertThat(t.from()).isEqualTo(MeterState.RECEIVED);
            assertThat(t.to()).isEqualTo(MeterState.VERIFIED);
            assertThat(t.detail()).isEqualTo("back to warehouse: 李师傅离职");
        });
        // verified in the warehouse, it may be scrapped (dropped on the floor), or pre-issued again
        assertThat(metering.meters.scrap(operator(QS), M1, "运输中摔坏", SCANNER).state()).isEqualTo(MeterState.SCRAPPED);
    }

    @Test
    void aDeliveryWithOneBadLineStoresNothing() {
        String bad = TestMetering.DELIVERY + "3300000000000000000005,QS-A0005,00000000000X,SINGLE,LOCAL,华立,2\n";

        assertThatThrownBy(() -> metering.meters.receiveDelivery(operator(QS), "B-1", bad, SCANNER))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("line 6.commAddress"));
        assertThat(metering.store.count("mtr_meter")).isZero();
        assertThat(metering.store.count("mtr_meter_audit")).isZero();
        metering.meters.receiveDelivery(operator(QS), "B-1", TestMetering.DELIVERY, SCANNER);
        assertThatThrownBy(() -> metering.meters.receiveDelivery(operator(QS), "B-2", TestMetering.DELIVERY, SCANNER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("line 2.barcode"));
    }

    @Test
    void everyTransitionIsAuditedWithWhoWhenDeviceAndWhere() {
        metering.stockAtStation(QS);
        MeterView received = metering.meters.receive(field(QS, "li"), M1, "CG", new FieldContext("PHONE-LI", "城关供电所"));

        assertThat(received.state()).isEqualTo(MeterState.RECEIVED);
        assertThat(received.holder()).isEqualTo("li");
        assertThat(metering.meters.history(operator(QS), M1)).extracting(MeterTransitionView::to)
                .containsExactly(MeterState.IN_STOCK, MeterState.VERIFIED, MeterState.PRE_ISSUED, MeterState.RECEIVED);
        MeterTransitionView last = metering.meters.history(operator(QS), M1).get(3);
        assertThat(last).isEqualTo(new MeterTransitionView(M1, MeterState.PRE_ISSUED, MeterState.RECEIVED, "li",
                TestMetering.START, "PHONE-LI", "城关供电所", "received at station CG"));
        assertThat(metering.meters.meter(operator(QS), M1).verifiedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void anIllegalTransitionIsRefusedAndChangesNothing() {
        metering.stockAtStation(QS);
        metering.meters.receive(field(QS, "li"), M1, "CG", SCANNER);
        long audits = metering.store.count("mtr_meter_audit");

        assertThatThrownBy(() -> metering.meters.receive(field(QS, "wang"), M1, "CG", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("received already by li");
        assertThatThrownBy(() -> metering.meters.receive(field(QS, "wang"), M2, "QSZ", SCANNER))
                .hasMessageContaining("pre-issued to station CG, not to QSZ");
        assertThat(metering.meters.meter(operator(QS), M1).holder()).isEqualTo("li");
        assertThat(metering.meters.meter(operator(QS), M2).state()).isEqualTo(MeterState.PRE_ISSUED);
        assertThat(metering.store.count("mtr_meter_audit")).isEqualTo(audits);
    }

    @Test
    void stockCountsPerStateStationCabinetAndWorker() {
        metering.stockAtStation(QS);
        metering.meters.receive(field(QS, "li"), M1, "CG", SCANNER);
        metering.meters.receive(field(QS, "li"), M2, "CG", SCANNER);

        var stock = metering.meters.stock(operator(QS));
        assertThat(stock.byState()).containsEntry(MeterState.PRE_ISSUED, 2L).containsEntry(MeterState.RECEIVED, 2L);
        assertThat(stock.byStation()).containsExactlyInAnyOrder(new StockCount("CG", MeterState.PRE_ISSUED, 2),
                new StockCount("CG", MeterState.RECEIVED, 2));
        assertThat(stock.byCabinet()).containsExactlyInAnyOrder(new StockCount("A1", MeterState.PRE_ISSUED, 2),
                new StockCount("A1", MeterState.RECEIVED, 2));
        assertThat(stock.byWorker()).containsExactly(new StockCount("li", MeterState.RECEIVED, 2));
        assertThat(metering.meters.meters(operator(QS), MeterState.RECEIVED, "", 0, 0).items())
                .extracting(MeterView::barcode).containsExactly(M1, M2);
    }

    @Test
    void aMeterIsPreIssuedOnlyToAStationOfTheOffice() {
        metering.meters.receiveDelivery(operator(QS), "B-1", "KF-02", TestMetering.DELIVERY, SCANNER);
        metering.meters.verify(operator(QS), M1, null, SCANNER);
        metering.accounts(new AccountRegister() {
            @Override
            public AccountFacts requireAccount(Caller caller, String accountNumber) {
                throw Problem.notFound("account " + accountNumber);
            }

            @Override
            public List<String> stationCodes(Caller caller) {
                return List.of("CG", "QSZ");
            }

            @Override
            public void requireStation(Caller caller, String stationCode) {
                if (!stationCodes(caller).contains(stationCode)) {
                    throw Problem.notFound("supply station " + stationCode);
                }
            }
        });

        // a typo would leave the meter pre-issued to a station no field worker can receive it at
        assertThatThrownBy(() -> metering.meters.preIssue(operator(QS), M1, "NOPE", "A1", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.VERIFIED);
        assertThat(metering.meters.preIssue(operator(QS), M1, " CG ", "A1", SCANNER).stationCode()).isEqualTo("CG");
    }

    @Test
    void meterStockIsCountedPerWarehouseAndMovesBetweenThem() {
        metering.meters.receiveDelivery(operator(QS), "B-1", "KF-02", TestMetering.DELIVERY, SCANNER);
        metering.meters.verify(operator(QS), M1, null, SCANNER);
        MeterView moved = metering.meters.transfer(operator(QS), M2, "MAIN", new FieldContext("PDA-07", "县公司库房"));
        metering.meters.preIssue(operator(QS), M1, "CG", "A1", SCANNER);

        assertThat(moved.warehouseCode()).isEqualTo("MAIN");
        assertThat(metering.meters.meter(operator(QS), M3).warehouseCode()).isEqualTo("KF-02");
        assertThat(metering.meters.stock(operator(QS)).byWarehouse()).containsExactly(
                new StockCount("KF-02", MeterState.IN_STOCK, 2), new StockCount("MAIN", MeterState.IN_STOCK, 1));
        assertThat(metering.meters.history(operator(QS), M2)).last().satisfies(t -> {
            assertThat(t.from()).isEqualTo(MeterState.IN_STOCK);
            assertThat(t.to()).isEqualTo(MeterState.IN_STOCK);
            assertThat(t.detail()).isEqualTo("to warehouse MAIN");
            assertThat(t.location()).isEqualTo("县公司库房");
        });

        long audits = metering.store.count("mtr_meter_audit");
        assertThatThrownBy(() -> metering.meters.transfer(operator(QS), M1, "MAIN", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("only a meter in stock or verified is kept in a warehouse");
        assertThatThrownBy(() -> metering.meters.transfer(operator(QS), M2, "MAIN", SCANNER))
                .hasMessageContaining("in warehouse MAIN already");
        assertThatThrownBy(() -> metering.meters.transfer(operator(QS), M3, " ", SCANNER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("warehouseCode"));
        assertThatThrownBy(() -> metering.meters.transfer(field(QS, "li"), M3, "MAIN", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> metering.meters.receiveDelivery(operator(QS), "B-2", "K".repeat(21),
                TestMetering.DELIVERY.replace("33000000000000000000", "33000000000000000001"), SCANNER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("warehouseCode"));
        assertThat(metering.store.count("mtr_meter_audit")).isEqualTo(audits);
    }

    @Test
    void anotherOfficeCannotSeeOrMoveTheMeters() {
        metering.stockAtStation(QS);

        assertThatThrownBy(() -> metering.meters.meter(operator(QT), M1))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> metering.meters.receive(field(QT, "li"), M1, "CG", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(metering.meters.stock(operator(QT)).byState()).allSatisfy((state, count) -> assertThat(count).isZero());
        assertThat(metering.meters.meters(operator(QT), null, "", 0, 0).total()).isZero();
        // the same barcodes may arrive in QT: the unique keys are per office
        assertThat(metering.meters.receiveDelivery(operator(QT), "QT-1", TestMetering.DELIVERY, SCANNER).meters()).isEqualTo(4);
        assertThat(metering.meters.meter(operator(QS), M1).state()).isEqualTo(MeterState.PRE_ISSUED);
    }

    @Test
    void rolesAreEnforcedByTheService() {
        metering.stockAtStation(QS);
        assertThatThrownBy(() -> metering.meters.verify(field(QS, "li"), M1, null, SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> metering.meters.receive(operator(QS), M1, "CG", SCANNER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> metering.meters.meter(operator(QS), "123"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("barcode"));
    }
}
