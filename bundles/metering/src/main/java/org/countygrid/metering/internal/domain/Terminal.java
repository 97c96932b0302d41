package org.countygrid.metering.internal.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewTerminal;
import org.countygrid.metering.TerminalKind;
import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.Problem;

/**
 * A collection terminal asset; its lifecycle is the {@link AssetLife} meters have, installed in a transformer area
 * instead of at an account, and kept in a warehouse (库房) while in stock or verified like a meter. Immutable.
 */
public record Terminal(String assetNumber, String address, TerminalKind kind, String manufacturer,
        LocalDate verifiedOn, MeterState state, String warehouseCode, String stationCode, String cabinetCode,
        String holder, String areaCode, long version) {

    static final Pattern ASSET = Pattern.compile("[A-Za-z0-9-]{1,30}");
    static final Pattern ADDRESS = Pattern.compile("[0-9A-F]{4,16}");
    static final int MAX_MANUFACTURER = 60;

    /** A terminal arriving in stock (入库) at {@code warehouse}. */
    public static Terminal arrived(NewTerminal t, String warehouse) {
        NewTerminal c = checked(t);
        AssetLife l = AssetLife.arrived("terminal " + c.assetNumber(), warehouse);
        return new Terminal(c.assetNumber(), c.address(), c.kind(), c.manufacturer(), null, l.state(), l.warehouseCode(),
                null, null, null, null, 0);
    }

    /** The terminal's fields checked and cleaned, with every bad field at once. */
    public static NewTerminal checked(NewTerminal t) {
        FieldErrors errors = new FieldErrors();
        if (t == null) {
            errors.add("body", Texts.REQUIRED);
            errors.throwIfAny();
        }
        String asset = asset("assetNumber", t.assetNumber(), errors);
        String address = Texts.clean(t.address()) == null ? null : Texts.clean(t.address()).toUpperCase(Locale.ROOT);
        if (address == null || address.isEmpty()) {
            errors.add("address", Texts.REQUIRED);
        } else if (!ADDRESS.matcher(address).matches()) {
            errors.add("address", "must be 4 to 16 hex digits");
        }
        if (t.kind() == null) {
            errors.add("kind", Texts.REQUIRED);
        }
        String manufacturer = Texts.required(errors, "manufacturer", t.manufacturer(), MAX_MANUFACTURER);
        errors.throwIfAny();
        return new NewTerminal(asset, address, t.kind(), manufacturer);
    }

    /**
     * This terminal, if it reads meters in a transformer area; else a 409: a terminal in stock, at a station or with
     * a worker has no meters to report or to be told about (a probe had an archive applied to one in the warehouse).
     */
    public Terminal requireInstalled() {
        if (state != MeterState.INSTALLED) {
            throw Problem.conflict("terminal " + assetNumber + " is not installed in a"
                    + " transformer area (it is " + state + "): only an installed terminal's archive is compared with"
                    + " the meters under it");
        }
        return this;
    }

    /** A checked asset number for a lookup. */
    public static String asset(String field, String value) {
        FieldErrors errors = new FieldErrors();
        String asset = asset(field, value, errors);
        errors.throwIfAny();
        return asset;
    }

    private static String asset(String field, String value, FieldErrors errors) {
        String clean = Texts.clean(value);
        if (clean == null || clean.isEmpty()) {
            errors.add(field, Texts.REQUIRED);
            return null;
        }
        if (!ASSET.matcher(clean).matches()) {
            errors.add(field, "must be 1 to 30 letters, digits or '-'");
            return null;
        }
        return clean;
    }

    /** 调拨: a terminal in stock or verified moves to another warehouse. */
    public Terminal transfer(String warehouse) {
        return with(life().transfer(warehouse));
    }

    /** 检定 (see {@link AssetLife#verify}). */
    public Terminal verify(LocalDate on, String defaultWarehouse) {
        return with(life().verify(on, defaultWarehouse));
    }

    public Terminal preIssue(String station, String cabinet) {
        return with(life().preIssue(station, cabinet));
    }

    public Terminal receive(String worker, String station) {
        return with(life().receive(worker, station));
    }

    /** Installed in transformer area {@code area} by the worker who received it. */
    public Terminal install(String area, String worker) {
        return with(life().install(Texts.require("areaCode", area, AssetLife.MAX_CODE), worker));
    }

    public Terminal remove(String worker) {
        return with(life().remove(worker));
    }

    public Terminal scrap() {
        return with(life().scrap());
    }

    /** 退库: pre-issued or received, back to its warehouse without being installed. */
    public Terminal giveBack() {
        return with(life().giveBack());
    }

    private AssetLife life() {
        return new AssetLife("terminal " + assetNumber, state, verifiedOn, warehouseCode, stationCode, cabinetCode, holder,
                areaCode);
    }

    private Terminal with(AssetLife l) {
        return new Terminal(assetNumber, address, kind, manufacturer, l.verifiedOn(), l.state(), l.warehouseCode(),
                l.stationCode(), l.cabinetCode(), l.holder(), l.place(), version);
    }
}
