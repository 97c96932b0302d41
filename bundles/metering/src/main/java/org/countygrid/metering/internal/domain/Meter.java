package org.countygrid.metering.internal.domain;

import java.time.LocalDate;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.Phase;

/**
 * A meter asset; its lifecycle rules are the {@link AssetLife} it shares with collection terminals. Immutable:
 * each transition returns the meter afterwards, or throws a 409 naming why it is illegal.
 *
 * @param warehouseCode the warehouse (库房) that keeps it while IN_STOCK or VERIFIED: where it arrived or was transferred
 *                      to, and where it comes back to for verification after removal
 * @param stationCode the supply station it was pre-issued to (from PRE_ISSUED until it goes back to verification)
 * @param holder      the field worker who received it, or removed it from the field
 */
public record Meter(String barcode, String assetNumber, String commAddress, Phase phase, FeeControl feeControl,
        String manufacturer, String accuracyClass, LocalDate verifiedOn, MeterState state, String warehouseCode,
        String stationCode, String cabinetCode, String holder, String accountNumber, long version) {

    /** A meter arriving in stock (入库) at {@code warehouse}. */
    public static Meter arrived(NewMeter m, String warehouse) {
        AssetLife l = AssetLife.arrived("meter " + m.barcode(), warehouse);
        return new Meter(m.barcode(), m.assetNumber(), m.commAddress(), m.phase(), m.feeControl(), m.manufacturer(),
                m.accuracyClass(), null, l.state(), l.warehouseCode(), null, null, null, null, 0);
    }

    /** 调拨: a meter in stock or verified moves to another warehouse. */
    public Meter transfer(String warehouse) {
        return with(life().transfer(warehouse));
    }

    /** 检定: passed verification (see {@link AssetLife#verify}); a meter back from the field is reused this way. */
    public Meter verify(LocalDate on, String defaultWarehouse) {
        return with(life().verify(on, defaultWarehouse));
    }

    /** 预领: from turnover cabinet {@code cabinet} (周转柜) to supply station {@code station}. */
    public Meter preIssue(String station, String cabinet) {
        return with(life().preIssue(station, cabinet));
    }

    /** 领表: {@code worker} at {@code station} scanned the barcode. */
    public Meter receive(String worker, String station) {
        return with(life().receive(worker, station));
    }

    /** 装表 at {@code account} by {@code worker}, who must be the one who received it. */
    public Meter install(String account, String worker) {
        return with(life().install(account, worker));
    }

    /** 拆表 by {@code worker}; the meter goes back towards verification with the worker holding it. */
    public Meter remove(String worker) {
        return with(life().remove(worker));
    }

    /** 报废: failed verification in stock, or not worth reusing after removal. */
    public Meter scrap() {
        return with(life().scrap());
    }

    /** 退库: pre-issued or received, back to its warehouse without being installed. */
    public Meter giveBack() {
        return with(life().giveBack());
    }

    private AssetLife life() {
        return new AssetLife("meter " + barcode, state, verifiedOn, warehouseCode, stationCode, cabinetCode, holder,
                accountNumber);
    }

    private Meter with(AssetLife l) {
        return new Meter(barcode, assetNumber, commAddress, phase, feeControl, manufacturer, accuracyClass,
                l.verifiedOn(), l.state(), l.warehouseCode(), l.stationCode(), l.cabinetCode(), l.holder(), l.place(),
                version);
    }
}
