package org.countygrid.demo.internal.generate;

import java.util.SplittableRandom;

/** Mainland mobile numbers with real operator prefixes, and landlines of the county's area code. */
final class Phones {

    /** The demo county's telephone area code. */
    static final String AREA_CODE = "0736";

    private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "134", "135", "136", "137", "138",
            "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177",
            "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199" };

    private Phones() {
    }

    static String mobile(SplittableRandom random) {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(random, 8);
    }

    static String landline(SplittableRandom random) {
        return AREA_CODE + "-" + (2 + random.nextInt(7)) + digits(random, 6);
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
