package org.countygrid.metering;

import java.util.List;
import java.util.Map;

/**
 * What one batch did: {@code stored} = valid + failed (failed ones are kept, never dropped; a real reading at the
 * time of an estimate replaces it and counts here, and so does one re-sent after it failed on arrival: FUTURE,
 * UNKNOWN_METER, NOT_INSTALLED), {@code duplicates} were already stored with the same value (same meter, kind, time
 * and register) and skipped, {@code conflicts} were already stored with <em>another</em> value and not taken either
 * (the stored value stands; {@code firstConflicts} names at most {@link #CONFLICTS_LISTED} of them), so
 * {@code received = valid + failed + duplicates + conflicts}. {@code estimated} rows were added for gaps (again, when
 * a late reading split a gap), {@code rejudged} stored readings got a new verdict because older readings of their
 * series arrived after them. {@code failures} counts the batch's failed readings by reason.
 */
public record IngestSummary(int received, int valid, int failed, int duplicates, int conflicts, int estimated,
        int rejudged, Map<String, Integer> failures, List<ReadingConflict> firstConflicts) {

    /** How many conflicts a summary names at most; {@code conflicts} counts them all. */
    public static final int CONFLICTS_LISTED = 20;

    public IngestSummary {
        failures = Map.copyOf(failures);
        firstConflicts = List.copyOf(firstConflicts);
    }

    /** A summary without conflicts (the 2.3 shape). */
    public IngestSummary(int received, int valid, int failed, int duplicates, int estimated, int rejudged,
            Map<String, Integer> failures) {
        this(received, valid, failed, duplicates, 0, estimated, rejudged, failures, List.of());
    }

    /** A summary in which no stored reading was judged again and nothing conflicted (the 1.0 shape). */
    public IngestSummary(int received, int valid, int failed, int duplicates, int estimated,
            Map<String, Integer> failures) {
        this(received, valid, failed, duplicates, 0, estimated, 0, failures, List.of());
    }
}
