package org.countygrid.metering;

import java.time.Instant;
import java.util.List;

/**
 * Our topology of a terminal compared with the archive (档案) it reported at {@code reportedAt}:
 * {@code missing} — meters we hang under it that it does not read; {@code extra} — addresses it reads that we know
 * of no meter installed for; {@code mismatched} — addresses it reads whose meter we hang elsewhere or not at all
 * (with the reason). {@code applied} says whether the fix was applied.
 */
public record TopologyCheck(String terminal, String areaCode, Instant reportedAt, int reported, int ours,
        List<String> missing, List<String> extra, List<Mismatch> mismatched, boolean applied) {

    /** A reported address whose meter sits elsewhere: {@code reason} says where. */
    public record Mismatch(String commAddress, String barcode, String reason) {
    }

    public TopologyCheck {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        mismatched = List.copyOf(mismatched);
    }

    public boolean consistent() {
        return missing.isEmpty() && extra.isEmpty() && mismatched.isEmpty();
    }
}
