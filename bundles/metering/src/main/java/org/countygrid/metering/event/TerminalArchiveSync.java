package org.countygrid.metering.event;

import java.time.Instant;
import java.util.List;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

/**
 * {@code metering.terminal-archive-sync}: after a reconciliation, what a terminal's own archive must change to match
 * ours — meter addresses to add and to delete. The AMI channel sends the commands to the terminal.
 */
public record TerminalArchiveSync(OfficeCode office, String terminal, String terminalAddress, List<String> add,
        List<String> delete, String requestedBy, Instant at) implements DomainEvent {

    public static final String TYPE = "metering.terminal-archive-sync";

    public TerminalArchiveSync {
        add = List.copyOf(add);
        delete = List.copyOf(delete);
    }

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
