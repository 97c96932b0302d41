package org.countygrid.platform.integration;

import java.time.Instant;

/**
 * One route and its counters since it was (re)created.
 *
 * @param source      where it came from: {@code bundle <symbolic name>} or {@code file <file name>}
 * @param state       Camel's route status: Started, Stopped, Suspended, ...
 * @param lastError   message of the last failed exchange, or null
 * @param lastErrorAt when it failed, or null
 */
public record RouteInfo(String id, String source, String state, long exchangesTotal, long exchangesFailed,
        long exchangesInflight, String lastError, Instant lastErrorAt) {
}
