package org.countygrid.metering.internal.domain;

import org.countygrid.metering.FinalReadings;
import org.countygrid.platform.api.FieldErrors;

/** A meter's final register values in hundredths of kWh; peak, flat and valley are absent on single-rate meters. */
public record RegisterValues(long total, Long peak, Long flat, Long valley, String errCode) {

    static final int MAX_ERR = 16;
    static final String TOU_EXCEEDS_TOTAL = "peak, flat and valley together exceed the total";

    /** Checked values from what the worker typed; all bad fields at once. */
    public static RegisterValues of(FinalReadings r) {
        FieldErrors errors = new FieldErrors();
        if (r == null) {
            errors.add("body", Texts.REQUIRED);
            errors.throwIfAny();
        }
        if (r.totalKwh() == null) {
            errors.add("totalKwh", Texts.REQUIRED);
        }
        Long total = Kwh.hundredths(errors, "totalKwh", r.totalKwh());
        Long peak = Kwh.hundredths(errors, "peakKwh", r.peakKwh());
        Long flat = Kwh.hundredths(errors, "flatKwh", r.flatKwh());
        Long valley = Kwh.hundredths(errors, "valleyKwh", r.valleyKwh());
        String err = Texts.optional(errors, "errCode", r.errCode(), MAX_ERR);
        if (errors.isEmpty() && sum(peak, flat, valley) > total) {
            errors.add("totalKwh", TOU_EXCEEDS_TOTAL);
        }
        errors.throwIfAny();
        return new RegisterValues(total, peak, flat, valley, err);
    }

    public FinalReadings toApi() {
        return new FinalReadings(Kwh.of(total), Kwh.of(peak), Kwh.of(flat), Kwh.of(valley), errCode);
    }

    private static long sum(Long... values) {
        long sum = 0;
        for (Long v : values) {
            sum += v == null ? 0 : v;
        }
        return sum;
    }
}
