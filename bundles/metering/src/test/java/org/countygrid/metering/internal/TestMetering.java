package org.countygrid.metering.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import javax.imageio.ImageIO;

import org.countygrid.metering.ConsumptionService;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.ReadingService;
import org.countygrid.metering.TopologyService;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.StaffDirectory;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.testing.RecordingModuleStore;

/**
 * The module's three services on one real persistence unit (in-memory H2) with a settable clock, and a small
 * delivery of meters, for component, REST and command tests.
 */
public final class TestMetering implements AutoCloseable {

    public static final OfficeCode QS = OfficeCode.of("QS");
    public static final OfficeCode QT = OfficeCode.of("QT");
    public static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    public static final FieldContext SCANNER = new FieldContext("PDA-07", "城关供电所周转柜 A1");

    /** Three single-phase meters and one three-phase, all prepaid except the last. */
    public static final String M1 = "3300000000000000000001";
    public static final String M2 = "3300000000000000000002";
    public static final String M3 = "3300000000000000000003";
    public static final String M4 = "3300000000000000000004";
    public static final String DELIVERY = """
            barcode,assetNumber,commAddress,phase,feeControl,manufacturer,accuracyClass
            3300000000000000000001,QS-A0001,000000000001,SINGLE,LOCAL,华立,2
            3300000000000000000002,QS-A0002,000000000002,SINGLE,LOCAL,华立,2
            3300000000000000000003,QS-A0003,000000000003,SINGLE,LOCAL,威胜,2
            3300000000000000000004,QS-A0004,000000000004,THREE,REMOTE,威胜,1
            """;

    public final RecordingModuleStore store = new RecordingModuleStore(MeteringUnit.UNIT,
            MeteringUnit.CHANGELOG, TestMetering.class.getClassLoader());
    public final MutableClock clock = new MutableClock(START);
    public final MeterService meters;
    public final WorkOrderService orders;
    public final ReadingService readings;
    public final TopologyService topology;
    public final ConsumptionService consumption;
    private final MeterServiceImpl metersImpl;
    private final WorkOrderServiceImpl ordersImpl;
    private final TopologyServiceImpl topologyImpl;

    public TestMetering() {
        metersImpl = new MeterServiceImpl(store, clock, MeteringConfigs.defaults());
        meters = metersImpl;
        ordersImpl = new WorkOrderServiceImpl(store, clock, MeteringConfigs.defaults());
        orders = ordersImpl;
        readings = new ReadingServiceImpl(store, clock, MeteringConfigs.defaults());
        topologyImpl = new TopologyServiceImpl(store, clock, MeteringConfigs.defaults());
        topology = topologyImpl;
        consumption = new ConsumptionServiceImpl(store, readings);
    }

    /** A small real JPEG (or PNG) photo; {@code seed} changes its content, so its SHA-256. */
    public static byte[] image(String format, int seed) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed * 37 % 256, 90, 160));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.drawString("M" + seed, 8, 28);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static final FinalReadings INFRARED = new FinalReadings(new BigDecimal("0.52"), null, null, null, null);

    /**
     * What the worker collects on site before completing, as far as the order's type needs it (the old meter's final
     * readings are the test's own): photos of the meters, the new meter's infrared reading, the customer's signature.
     */
    public WorkOrderView collectEvidence(Caller worker, long id) {
        WorkOrderView order = orders.order(worker, id);
        if (order.type() != WorkOrderType.INSTALL) {
            orders.attachPhoto(worker, id, OrderFileKind.OLD_METER_PHOTO, "image/jpeg", image("jpg", 1), SCANNER);
        }
        if (order.type() != WorkOrderType.REMOVE) {
            orders.recordNewMeterReadings(worker, id, INFRARED, SCANNER);
            orders.attachPhoto(worker, id, OrderFileKind.NEW_METER_PHOTO, "image/png", image("png", 2), SCANNER);
        }
        return orders.sign(worker, id, "王小明", "image/png", image("png", 3), SCANNER);
    }

    /** The login realm's staff as platform-web would give it, or null for none (names then go unchecked). */
    public void staff(StaffDirectory directory) {
        ordersImpl.staff = directory;
    }

    /** What the customers module would answer; null = customers not installed. */
    public void accounts(AccountRegister register) {
        ordersImpl.accounts = register;
        topologyImpl.accounts = register;
        metersImpl.accounts = register;
    }

    public static Caller caller(OfficeCode office, String user, String... roles) {
        return new Caller(user, office, Set.of(roles));
    }

    public static Caller operator(OfficeCode office) {
        return caller(office, "zhang", Role.OPERATOR);
    }

    public static Caller field(OfficeCode office, String user) {
        return caller(office, user, Role.FIELD);
    }

    /** The delivery arrives, all four meters are verified and pre-issued to station CG. */
    public void stockAtStation(OfficeCode office) {
        Caller op = operator(office);
        meters.receiveDelivery(op, "B-2026-11", DELIVERY, SCANNER);
        for (String m : new String[] { M1, M2, M3, M4 }) {
            meters.verify(op, m, null, SCANNER);
            meters.preIssue(op, m, "CG", "A1", SCANNER);
        }
    }

    @Override
    public void close() {
        store.close();
    }

    /** A clock tests move forward. */
    public static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
