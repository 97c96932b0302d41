package org.countygrid.platform.api.event;

import java.time.Instant;

/** An event as it leaves the outbox: its position, type, version, office, subject and JSON payload. */
public record EventEnvelope(long sequence, String type, int version, String office, String subject,
        Instant occurredAt, String payload) {
}
