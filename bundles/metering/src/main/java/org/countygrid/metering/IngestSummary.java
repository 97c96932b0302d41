package org.countygrid.metering;

import java.util.Map;

/**
 * What one batch did: {@code stored} = valid + failed (failed ones are kept, never dropped), {@code duplicates}
 * were already stored (same meter, kind, time and register) and skipped, {@code estimated} rows were added for
 * gaps. {@code failures} counts failed readings by reason.
 */
public record IngestSummary(int received, int valid, int failed, int duplicates, int estimated,
        Map<String, Integer> failures) {

    public IngestSummary {
        failures = Map.copyOf(failures);
    }
}
