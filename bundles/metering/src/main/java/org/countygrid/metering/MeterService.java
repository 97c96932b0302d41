package org.countygrid.metering;

import java.time.LocalDate;
import java.util.List;

import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Meter assets of the caller's office and their lifecycle. Every transition writes an audit row (who, when,
 * device, where); an illegal one is a 409 {@link org.countygrid.platform.api.Problem} naming the reason and
 * changes nothing. Reading needs operator, field, dispatcher, auditor or admin; stock changes (arrival,
 * verification, pre-issue, scrapping) need operator or admin; receiving (领表) needs field.
 */
@ProviderType
public interface MeterService {

    /** Adds one meter in state IN_STOCK, in the configured default warehouse. */
    MeterView register(Caller caller, NewMeter meter, FieldContext where);

    /**
     * Bulk arrival of a delivery batch from CSV text, one meter per line:
     * {@code barcode,assetNumber,commAddress,phase,feeControl,manufacturer,accuracyClass} (a first line starting with
     * {@code barcode} is a header). All lines are checked first; any bad line is a 400 whose field names are
     * {@code line <n>.<column>}, and nothing is stored.
     */
    default DeliverySummary receiveDelivery(Caller caller, String batch, String csv, FieldContext where) {
        return receiveDelivery(caller, batch, null, csv, where);
    }

    /**
     * As {@link #receiveDelivery(Caller, String, String, FieldContext)}, into warehouse (库房) {@code warehouseCode}
     * (the configured default warehouse when null or blank).
     */
    DeliverySummary receiveDelivery(Caller caller, String batch, String warehouseCode, String csv, FieldContext where);

    /** @throws org.countygrid.platform.api.Problem 404 when the office has no meter with this barcode */
    MeterView meter(Caller caller, String barcode);

    /** Meters in {@code state} (all when null) whose barcode or asset number starts with {@code prefix}. */
    Page<MeterView> meters(Caller caller, MeterState state, String prefix, int offset, int limit);

    /** The meter's transitions, oldest first. */
    List<MeterTransitionView> history(Caller caller, String barcode);

    /** Verification (检定) passed on {@code verifiedOn} (today when null): IN_STOCK or REMOVED → VERIFIED. */
    MeterView verify(Caller caller, String barcode, LocalDate verifiedOn, FieldContext where);

    /** 预领: a verified meter leaves turnover cabinet {@code cabinetCode} for supply station {@code stationCode}. */
    MeterView preIssue(Caller caller, String barcode, String stationCode, String cabinetCode, FieldContext where);

    /**
     * 领表: the calling field worker, at supply station {@code stationCode}, scanned the meter's barcode. Refused
     * when the meter is not pre-issued, was received already, or was pre-issued to another station.
     */
    MeterView receive(Caller caller, String barcode, String stationCode, FieldContext where);

    /**
     * 调拨: a meter IN_STOCK or VERIFIED moves to warehouse {@code warehouseCode}; refused (409) in any other state or
     * when it is there already.
     */
    MeterView transfer(Caller caller, String barcode, String warehouseCode, FieldContext where);

    /**
     * 报废: a meter that failed verification (IN_STOCK), was damaged in the warehouse (VERIFIED) or came back from the
     * field (REMOVED) is scrapped.
     */
    MeterView scrap(Caller caller, String barcode, String reason, FieldContext where);

    /**
     * 退库: a PRE_ISSUED or RECEIVED meter that will not be installed goes back to its warehouse as VERIFIED, for the
     * reason given; refused (409) while it is scanned on a work order under way.
     */
    MeterView returnToStock(Caller caller, String barcode, String reason, FieldContext where);

    StockView stock(Caller caller);

    /**
     * Takes over an installed base into an office without meters or terminals (admin only; 409 otherwise): all
     * records are checked first (400 with fields {@code meters[i].…} / {@code terminals[i].…}), then stored in one
     * transaction. Publishes no per-meter events: the others learn of a takeover by it being one.
     */
    InstalledBase.Summary importInstalledBase(Caller caller, InstalledBase base);
}
