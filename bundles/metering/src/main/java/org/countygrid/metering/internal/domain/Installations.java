package org.countygrid.metering.internal.domain;

import java.time.Instant;
import java.util.List;

/** When a meter hung at an account: [installedAt, removedAt), removedAt null while still installed. */
public record Installations(List<Period> periods) {

    public record Period(Instant installedAt, Instant removedAt) {
    }

    public Installations {
        periods = List.copyOf(periods);
    }

    public boolean installedAt(Instant t) {
        return periods.stream().anyMatch(p -> !t.isBefore(p.installedAt()) && (p.removedAt() == null || t.isBefore(p.removedAt())));
    }
}
