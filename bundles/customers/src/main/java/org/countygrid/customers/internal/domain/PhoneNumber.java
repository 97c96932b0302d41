package org.countygrid.customers.internal.domain;

import java.util.regex.Pattern;
import org.countygrid.platform.api.FieldErrors;

/**
 * A contact phone: a mainland mobile number (11 digits starting 13-19) or a landline with its area code,
 * e.g. {@code 0571-88888888}. Kept as typed; only surrounding spaces are dropped.
 */
public final class PhoneNumber {

    static final String INVALID = "must be a mobile number (11 digits, 1[3-9]…) or a landline like 0571-88888888";

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Area codes are 010, 02x or 0xxx; local numbers 7 or 8 digits, the first not 0 or 1. */
    private static final Pattern LANDLINE = Pattern.compile("0(10|2\\d|[3-9]\\d{2})-[2-9]\\d{6,7}");

    private PhoneNumber() {
    }

    public static boolean isValid(String phone) {
        return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }

    static void check(FieldErrors errors, String field, String phone) {
        if (phone == null || phone.isEmpty()) {
            errors.add(field, Texts.REQUIRED);
        } else if (!isValid(phone)) {
            errors.add(field, INVALID);
        }
    }
}
