package org.countygrid.metering.internal.domain;

import java.util.regex.Pattern;

import org.countygrid.metering.NewMeter;
import org.countygrid.platform.api.FieldErrors;

/** The identifying and nameplate fields of a new meter and their formats. */
public final class MeterIdentity {

    public static final Pattern BARCODE = Pattern.compile("\\d{22}");
    /** 12 BCD digits: the DL/T 645 address, each byte two decimal digits. */
    public static final Pattern COMM_ADDRESS = Pattern.compile("\\d{12}");
    static final Pattern ASSET_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,30}");
    /**
     * The accuracy classes of electricity meters (准确度等级): 0.2S, 0.5S, 1, 2 (GB/T 17215), 0.2, 0.5, 3 (reactive),
     * A to D (GB/T 17215.321, IR46), "1.0" as nameplates print it; active and reactive as "1/2". A probe stored "abc".
     */
    static final Pattern ACCURACY = Pattern.compile("(?:0\\.[25]S?|[123](?:\\.0)?|[ABCD])(?:/(?:0\\.[25]S?|[123](?:\\.0)?|[ABCD]))?");
    public static final String BAD_BARCODE = "must be exactly 22 digits";
    static final String BAD_COMM_ADDRESS = "must be exactly 12 digits (BCD)";
    static final String BAD_ASSET_NUMBER = "must be 1-30 letters, digits or '-'";
    static final String BAD_ACCURACY = "must be an accuracy class: 0.2S, 0.5S, 1, 2 or A, B, C, D (active/reactive as 1/2)";
    static final int MAX_MANUFACTURER = 60;

    private MeterIdentity() {
    }

    /** The meter with trimmed fields once every field is valid; all bad fields at once. */
    public static NewMeter checked(NewMeter meter) {
        FieldErrors errors = new FieldErrors();
        NewMeter clean = check(errors, meter);
        errors.throwIfAny();
        return clean;
    }

    static NewMeter check(FieldErrors errors, NewMeter m) {
        return check(errors, m, true);
    }

    /** {@code checkChoices} false: the caller has reported missing or unknown phase and fee control itself. */
    static NewMeter check(FieldErrors errors, NewMeter m, boolean checkChoices) {
        String barcode = Texts.clean(m.barcode());
        String asset = Texts.clean(m.assetNumber());
        String address = Texts.clean(m.commAddress());
        String typedClass = Texts.clean(m.accuracyClass());
        String accuracy = typedClass == null ? null : typedClass.toUpperCase(java.util.Locale.ROOT); // 0.5s is 0.5S
        format(errors, "barcode", barcode, BARCODE, BAD_BARCODE);
        format(errors, "assetNumber", asset, ASSET_NUMBER, BAD_ASSET_NUMBER);
        format(errors, "commAddress", address, COMM_ADDRESS, BAD_COMM_ADDRESS);
        format(errors, "accuracyClass", accuracy, ACCURACY, BAD_ACCURACY);
        if (checkChoices && m.phase() == null) {
            errors.add("phase", Texts.REQUIRED);
        }
        if (checkChoices && m.feeControl() == null) {
            errors.add("feeControl", Texts.REQUIRED);
        }
        String manufacturer = Texts.required(errors, "manufacturer", m.manufacturer(), MAX_MANUFACTURER);
        return new NewMeter(barcode, asset, address, m.phase(), m.feeControl(), manufacturer, accuracy);
    }

    /** Throws a 400 on {@code field} unless {@code barcode} is 22 digits. */
    public static String barcode(String field, String barcode) {
        String clean = Texts.clean(barcode);
        FieldErrors errors = new FieldErrors();
        format(errors, field, clean, BARCODE, BAD_BARCODE);
        errors.throwIfAny();
        return clean;
    }

    private static void format(FieldErrors errors, String field, String value, Pattern pattern, String message) {
        if (value == null || value.isEmpty()) {
            errors.add(field, Texts.REQUIRED);
        } else if (!pattern.matcher(value).matches()) {
            errors.add(field, message);
        }
    }
}
