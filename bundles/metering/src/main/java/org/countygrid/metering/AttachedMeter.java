package org.countygrid.metering;

import java.time.Instant;

/** A meter hanging under a terminal: since when, and the account it is installed at. */
public record AttachedMeter(String barcode, String commAddress, String accountNumber, String terminal,
        Instant attachedAt) {
}
