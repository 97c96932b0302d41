package org.countygrid.metering.event;

import java.time.Instant;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/**
 * {@code metering.topology-changed}: a meter was attached to or detached from a collection terminal (a work order
 * completed, a terminal was installed or removed, a reconciliation was applied). The AMI channel downloads the
 * change to the terminal's archive.
 */
public record TopologyChanged(OfficeCode office, String terminal, String terminalAddress, String areaCode,
        String barcode, String commAddress, boolean attached, String reason, Instant at) implements DomainEvent {

    public static final String TYPE = "metering.topology-changed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String subject() {
        return terminal;
    }
}
