package org.countygrid.metering;

import java.time.Instant;
import java.util.List;

import org.countygrid.platform.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reading ingestion for channels and the AMI adapter, idempotent on (meter, kind, time, register), with
 * validation (VEE): readings from the future, from a meter not installed at that time or unknown to the office,
 * negative consumption (rollback) and spikes beyond the configured factor of the meter's history fail and are
 * stored with their reason; gaps are flagged and linearly estimated. Ingesting needs operator or admin (a channel
 * uses a system caller); reading needs any metering role.
 */
@ProviderType
public interface ReadingService {

    /** Validates and stores one batch in one transaction. A malformed reading (400) rejects the whole batch. */
    IngestSummary ingest(Caller caller, List<NewReading> readings);

    /** A meter's readings of one kind in [from, to), oldest first. */
    List<ReadingView> readings(Caller caller, String barcode, ReadingKind kind, Instant from, Instant to);
}
