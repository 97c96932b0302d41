package org.countygrid.metering.internal.domain;

import java.time.LocalDate;
import java.util.Objects;

import org.countygrid.metering.MeterState;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;

/**
 * The lifecycle meters and collection terminals share: 入库 → 检定 → 预领 (from a turnover cabinet to a supply
 * station) → 领表 (by a field worker) → installed (a meter at an account, a terminal in a transformer area) → removed
 * → back to verification (reuse) or 报废; a pre-issued or received asset that will not be installed goes back to its
 * warehouse (退库). Immutable: each transition returns the state afterwards or throws a 409
 * naming why it is illegal, so a refused transition cannot have changed anything.
 *
 * @param what        the asset as a refusal names it ("meter 3300…", "terminal QS-T0001")
 * @param warehouseCode the warehouse (库房) that keeps it while IN_STOCK or VERIFIED: where it arrived or was
 *                    transferred to, and where it comes back to for verification after removal
 * @param stationCode the supply station it was pre-issued to (from PRE_ISSUED until it goes back to verification)
 * @param holder      the field worker who received it, or removed it from the field
 * @param place       where it is installed: an account number (meter) or a transformer area code (terminal)
 */
public record AssetLife(String what, MeterState state, LocalDate verifiedOn, String warehouseCode, String stationCode,
        String cabinetCode, String holder, String place) {

    public static final int MAX_CODE = 20;
    static final LocalDate EARLIEST_VERIFICATION = LocalDate.of(2000, 1, 1);

    /** The warehouse a caller named, checked, or {@code fallback} (the configured default) when it named none. */
    public static String warehouseOr(String requested, String fallback) {
        return requested == null || requested.isBlank() ? fallback : Texts.require("warehouseCode", requested, MAX_CODE);
    }

    /** 入库 into warehouse {@code warehouse}. */
    public static AssetLife arrived(String what, String warehouse) {
        return new AssetLife(what, MeterState.IN_STOCK, null, Texts.require("warehouseCode", warehouse, MAX_CODE), null,
                null, null, null);
    }

    /** 调拨: an asset in stock or verified moves to another warehouse. */
    public AssetLife transfer(String warehouse) {
        String w = Texts.require("warehouseCode", warehouse, MAX_CODE);
        require(state == MeterState.IN_STOCK || state == MeterState.VERIFIED,
                "only a " + noun() + " in stock or verified is kept in a warehouse");
        if (w.equals(warehouseCode)) {
            throw refused("it is in warehouse " + w + " already");
        }
        return new AssetLife(what, state, verifiedOn, w, stationCode, cabinetCode, holder, place);
    }

    /**
     * The day a verification passed: {@code given}, or {@code today} when none is given. A day after today or before
     * 2000 is a typing error, refused (400) before anything changes: it would be kept in the asset's history and
     * printed on its forms.
     */
    public static LocalDate verificationDay(LocalDate given, LocalDate today) {
        if (given == null) {
            return today;
        }
        if (given.isAfter(today) || given.isBefore(EARLIEST_VERIFICATION)) {
            throw new ValidationException("verifiedOn", "must lie between 2000-01-01 and today (" + today + ")");
        }
        return given;
    }

    /**
     * 检定: passed verification; an asset back from the field is reused this way. It comes back to its warehouse, or to
     * {@code defaultWarehouse} when it never had one (taken over with an installed base).
     */
    public AssetLife verify(LocalDate on, String defaultWarehouse) {
        require(state == MeterState.IN_STOCK || state == MeterState.REMOVED,
                "only a " + noun() + " in stock or removed from the field goes to verification");
        String home = warehouseCode != null ? warehouseCode : Texts.require("warehouseCode", defaultWarehouse, MAX_CODE);
        return new AssetLife(what, MeterState.VERIFIED, on, home, null, null, null, null);
    }

    /** 预领: from turnover cabinet {@code cabinet} (周转柜) to supply station {@code station}. */
    public AssetLife preIssue(String station, String cabinet) {
        String s = Texts.require("stationCode", station, MAX_CODE);
        String c = Texts.require("cabinetCode", cabinet, MAX_CODE);
        require(state == MeterState.VERIFIED, "only a verified " + noun() + " can be pre-issued");
        return with(MeterState.PRE_ISSUED, verifiedOn, s, c, null, null);
    }

    /** 领表: {@code worker} at {@code station} scanned the barcode. */
    public AssetLife receive(String worker, String station) {
        String s = Texts.require("stationCode", station, MAX_CODE);
        if (state == MeterState.RECEIVED) {
            throw refused("it was received already by " + holder);
        }
        require(state == MeterState.PRE_ISSUED, "only a pre-issued " + noun() + " can be received");
        if (!stationCode.equals(s)) {
            throw refused("it is pre-issued to station " + stationCode + ", not to " + s);
        }
        return with(MeterState.RECEIVED, verifiedOn, stationCode, cabinetCode, worker, null);
    }

    /** Installed at {@code at} by {@code worker}, who must be the one who received it. */
    public AssetLife install(String at, String worker) {
        if (state != MeterState.RECEIVED) {
            throw refused("it is " + state + ": nobody received it, so it cannot be installed");
        }
        if (!Objects.equals(holder, worker)) {
            throw refused("it was received by " + holder + ", not by " + worker);
        }
        return with(MeterState.INSTALLED, verifiedOn, stationCode, cabinetCode, worker, at);
    }

    /** Removed by {@code worker}; the asset goes back towards verification with the worker holding it. */
    public AssetLife remove(String worker) {
        require(state == MeterState.INSTALLED, "only an installed " + noun() + " can be removed");
        return with(MeterState.REMOVED, verifiedOn, stationCode, cabinetCode, worker, null);
    }

    /**
     * 退库: a pre-issued or received asset that will not be installed (a worker who left, a station that needs fewer)
     * goes back to its warehouse, verified as it was: the station, cabinet and worker let go of it.
     */
    public AssetLife giveBack() {
        require(state == MeterState.PRE_ISSUED || state == MeterState.RECEIVED,
                "only a pre-issued or received " + noun() + " goes back to its warehouse");
        return new AssetLife(what, MeterState.VERIFIED, verifiedOn, warehouseCode, null, null, null, null);
    }

    /** 报废: failed verification in stock, damaged while verified in the warehouse, or not worth reusing after removal. */
    public AssetLife scrap() {
        require(state == MeterState.IN_STOCK || state == MeterState.VERIFIED || state == MeterState.REMOVED,
                "only a " + noun() + " in stock, verified in a warehouse or removed from the field can be scrapped");
        return with(MeterState.SCRAPPED, verifiedOn, null, null, null, null);
    }

    private AssetLife with(MeterState next, LocalDate verified, String station, String cabinet, String newHolder,
            String at) {
        return new AssetLife(what, next, verified, warehouseCode, station, cabinet, newHolder, at);
    }

    /** "meter" or "terminal": the first word of {@link #what}. */
    private String noun() {
        int space = what.indexOf(' ');
        return space < 0 ? what : what.substring(0, space);
    }

    private void require(boolean legal, String rule) {
        if (!legal) {
            throw refused("it is " + state + "; " + rule);
        }
    }

    private Problem refused(String reason) {
        return Problem.conflict(what + " refused: " + reason);
    }
}
