package org.countygrid.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.countygrid.customers.StationData;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.InstalledBase;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;

/**
 * What a county's metering has on hand on any day besides its installed base, so that the stock views and the work
 * order board of the demo county are not empty: a delivery batch of new meters in the default warehouse, most of it
 * verified, part of that pre-issued from the turnover cabinets to the supply stations and some received by field
 * workers there, and fault replacements (换表) waiting for a dispatcher to assign them. Every step goes through the
 * metering services like the console's, so each meter has its history. The demo's field workers are names in the
 * meters' history only: no login is made for them (no default passwords), and the orders stay unassigned.
 */
final class DemoStock {

    static final String BATCH = "DH-202611-QS";
    static final int DELIVERED = 480;
    static final int VERIFIED = 360;
    static final int PRE_ISSUED = 200;
    static final int RECEIVED = 48;
    /** Fault replacements waiting: one per 2,000 accounts, at most 60 (the demo county's 200,000: 60). */
    static final int MAX_ORDERS = 60;
    static final List<String> WORKERS = List.of("wangqiang", "lijun", "zhaolei", "chenhao");
    private static final String[] FAULTS = { "黑屏", "液晶显示乱码", "ERR-04 时钟电池欠压", "计量芯片故障", "表壳烧蚀",
        "费控开关拒动" };

    private DemoStock() {
    }

    /** The batch's first meter: when it exists, the stock was made at an earlier start. */
    static String firstBarcode() {
        return barcode(1);
    }

    record Summary(int delivered, int verified, int preIssued, int received, int orders) {
    }

    static Summary load(MeterService meters, WorkOrderService orders, Caller system, List<StationData> stations,
            InstalledBase base, SplittableRandom random, LocalDate today) {
        meters.receiveDelivery(system, BATCH, csv(random), FieldContext.NONE);
        FieldContext lab = new FieldContext("demo-verification-bench", "县公司计量室");
        for (int i = 1; i <= VERIFIED; i++) {
            meters.verify(system, barcode(i), today.minusDays(1 + i % 20), lab);
        }
        for (int i = 1; i <= PRE_ISSUED; i++) {
            StationData station = stations.get(i % stations.size());
            meters.preIssue(system, barcode(i), station.code(), "ZZG-" + station.code(),
                    new FieldContext("turnover-cabinet-" + station.code(), station.name()));
        }
        for (int i = 1; i <= RECEIVED; i++) {
            StationData station = stations.get(i % stations.size());
            Caller worker = new Caller(WORKERS.get(i % WORKERS.size()), system.office(), Set.of(Role.FIELD));
            meters.receive(worker, barcode(i), station.code(), new FieldContext("demo-scanner-" + worker.user(),
                    station.name()));
        }
        // among the newest tenth of the accounts: a console test's own orders go to the first ones of a small county
        int size = base.meters().size();
        Set<Integer> accounts = new LinkedHashSet<>();
        int wanted = Math.max(1, Math.min(MAX_ORDERS, size / 2_000));
        while (accounts.size() < Math.min(wanted, size / 10)) {
            accounts.add(size - 1 - random.nextInt(size / 10));
        }
        for (int i : accounts) {
            InstalledBase.Meter m = base.meters().get(i);
            orders.create(system, new NewWorkOrder(WorkOrderType.REPLACE, m.accountNumber(), null, null, null,
                    "故障换表：" + FAULTS[random.nextInt(FAULTS.length)]));
        }
        return new Summary(DELIVERED, VERIFIED, PRE_ISSUED, RECEIVED, accounts.size());
    }

    /** The delivery note as the supplier's file: barcodes, asset numbers and addresses after the installed base's. */
    static String csv(SplittableRandom random) {
        List<String> lines = new ArrayList<>(DELIVERED + 1);
        lines.add("barcode,assetNumber,commAddress,phase,feeControl,manufacturer,accuracyClass");
        for (int i = 1; i <= DELIVERED; i++) {
            boolean three = i % 8 == 0;
            lines.add(String.join(",", barcode(i), String.format("QS-M%07d", 900_000 + i),
                    String.format("%012d", 900_000 + i), three ? "THREE" : "SINGLE", three ? "REMOTE" : "LOCAL",
                    three ? "威胜" : random.nextBoolean() ? "华立" : "炬华", three ? "1" : "2"));
        }
        return String.join("\n", lines);
    }

    private static String barcode(int i) {
        return String.format("33%020d", 900_000 + i);
    }
}
