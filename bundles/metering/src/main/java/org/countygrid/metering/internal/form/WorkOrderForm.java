package org.countygrid.metering.internal.form;

import java.time.Instant;
import java.util.List;

import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.internal.domain.WorkOrder;

/**
 * What the completed electronic form of a work order shows: the order, the customer as the customers module knows
 * them (null fields when it is not installed), the photos and the signature.
 */
public record WorkOrderForm(String office, WorkOrder order, String customerName, Long residualBalanceFen,
        List<Picture> photos, Picture signature, List<String> history, Instant renderedAt) {

    /** An image kept with the order; {@code content} is a checked JPEG or PNG. */
    public record Picture(OrderFileKind kind, String barcode, String contentType, byte[] content, String sha256) {
    }

    public WorkOrderForm {
        photos = List.copyOf(photos);
        history = List.copyOf(history);
    }
}
