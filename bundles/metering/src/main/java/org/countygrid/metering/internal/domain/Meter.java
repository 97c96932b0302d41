package org.countygrid.metering.internal.domain;

import java.time.LocalDate;
import java.util.Objects;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.Phase;
import org.countygrid.platform.api.Problem;

/**
 * A meter asset and its lifecycle rules. Immutable: each transition returns the meter afterwards, or throws a 409
 * naming why it is illegal — so a refused transition cannot have changed anything.
 *
 * @param stationCode the supply station it was pre-issued to (from PRE_ISSUED until it goes back to verification)
 * @param holder      the field worker who received it, or removed it from the field
 */
public record Meter(String barcode, String assetNumber, String commAddress, Phase phase, FeeControl feeControl,
        String manufacturer, String accuracyClass, LocalDate verifiedOn, MeterState state, String stationCode,
        String cabinetCode, String holder, String accountNumber, long version) {

    static final int MAX_CODE = 20;

    /** A meter arriving in stock (入库). */
    public static Meter arrived(NewMeter m) {
        return new Meter(m.barcode(), m.assetNumber(), m.commAddress(), m.phase(), m.feeControl(), m.manufacturer(),
                m.accuracyClass(), null, MeterState.IN_STOCK, null, null, null, null, 0);
    }

    /** 检定: passed verification; a meter back from the field is reused this way. */
    public Meter verify(LocalDate on) {
        require(state == MeterState.IN_STOCK || state == MeterState.REMOVED,
                "only a meter in stock or removed from the field goes to verification");
        return with(MeterState.VERIFIED, on, null, null, null, null);
    }

    /** 预领: from turnover cabinet {@code cabinet} (周转柜) to supply station {@code station}. */
    public Meter preIssue(String station, String cabinet) {
        String s = Texts.require("stationCode", station, MAX_CODE);
        String c = Texts.require("cabinetCode", cabinet, MAX_CODE);
        require(state == MeterState.VERIFIED, "only a verified meter can be pre-issued");
        return with(MeterState.PRE_ISSUED, verifiedOn, s, c, null, null);
    }

    /** 领表: {@code worker} at {@code station} scanned the barcode. */
    public Meter receive(String worker, String station) {
        String s = Texts.require("stationCode", station, MAX_CODE);
        if (state == MeterState.RECEIVED) {
            throw refused("it was received already by " + holder);
        }
        require(state == MeterState.PRE_ISSUED, "only a pre-issued meter can be received");
        if (!stationCode.equals(s)) {
            throw refused("it is pre-issued to station " + stationCode + ", not to " + s);
        }
        return with(MeterState.RECEIVED, verifiedOn, stationCode, cabinetCode, worker, null);
    }

    /** 装表 at {@code account} by {@code worker}, who must be the one who received it. */
    public Meter install(String account, String worker) {
        if (state != MeterState.RECEIVED) {
            throw refused("it is " + state + ": nobody received it, so it cannot be installed");
        }
        if (!Objects.equals(holder, worker)) {
            throw refused("it was received by " + holder + ", not by " + worker);
        }
        return with(MeterState.INSTALLED, verifiedOn, stationCode, cabinetCode, worker, account);
    }

    /** 拆表 by {@code worker}; the meter goes back towards verification with the worker holding it. */
    public Meter remove(String worker) {
        require(state == MeterState.INSTALLED, "only an installed meter can be removed");
        return with(MeterState.REMOVED, verifiedOn, stationCode, cabinetCode, worker, null);
    }

    /** 报废: failed verification in stock, or not worth reusing after removal. */
    public Meter scrap() {
        require(state == MeterState.IN_STOCK || state == MeterState.REMOVED,
                "only a meter in stock or removed from the field can be scrapped");
        return with(MeterState.SCRAPPED, verifiedOn, null, null, null, null);
    }

    private Meter with(MeterState next, LocalDate verified, String station, String cabinet, String newHolder,
            String account) {
        return new Meter(barcode, assetNumber, commAddress, phase, feeControl, manufacturer, accuracyClass, verified,
                next, station, cabinet, newHolder, account, version);
    }

    private void require(boolean legal, String rule) {
        if (!legal) {
            throw refused("it is " + state + "; " + rule);
        }
    }

    private Problem refused(String reason) {
        return Problem.conflict("meter " + barcode + " refused: " + reason);
    }
}
