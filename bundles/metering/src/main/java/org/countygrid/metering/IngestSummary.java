package org.countygrid.metering;

import java.util.Map;

/**
 * What one batch did: {@code stored} = valid + failed (failed ones are kept, never dropped; a real reading at the
 * time of an estimate replaces it and counts here, and so does one re-sent after it failed on arrival: FUTURE,
 * UNKNOWN_METER, NOT_INSTALLED), {@code duplicates} were already stored (same meter, kind, time and register) and
 * skipped, {@code estimated} rows were added for gaps (again, when a late reading split a gap),
 * {@code rejudged} stored readings got a new verdict because older readings of their series arrived after them.
 * {@code failures} counts the batch's failed readings by reason.
 */
public record IngestSummary(int received, int valid, int failed, int duplicates, int estimated, int rejudged,
        Map<String, Integer> failures) {

    public IngestSummary {
        failures = Map.copyOf(failures);
    }

    /** A summary in which no stored reading was judged again (the 1.0 shape). */
    public IngestSummary(int received, int valid, int failed, int duplicates, int estimated,
            Map<String, Integer> failures) {
        this(received, valid, failed, duplicates, estimated, 0, failures);
    }
}
