package org.countygrid.metering;

import java.time.Instant;

/**
 * A file kept with a work order, without its content: {@code barcode} is the meter a photo shows, {@code sha256}
 * the hex digest of the content (its key: {@code GET /api/metering/orders/{id}/files/{sha256}}).
 */
public record OrderFileView(OrderFileKind kind, String barcode, String contentType, long size, String sha256,
        String createdBy, Instant createdAt) {
}
