package org.countygrid.metering;

import java.time.Instant;
import java.util.List;

/**
 * An office's installed base taken over at once — the meters at its accounts and the terminals in its transformer
 * areas, as a county brings them from its previous system (and as the demo county is made): meters are stored
 * INSTALLED with an installation period and an audit row, terminals INSTALLED in their area, and each meter hangs
 * under its area's terminal (the concentrator first).
 */
public record InstalledBase(List<Meter> meters, List<Terminal> terminals) {

    /** A meter installed at {@code accountNumber} of transformer area {@code areaCode} since {@code installedAt}. */
    public record Meter(NewMeter meter, String accountNumber, String areaCode, Instant installedAt) {
    }

    /** A terminal installed in transformer area {@code areaCode} since {@code installedAt}. */
    public record Terminal(NewTerminal terminal, String areaCode, Instant installedAt) {
    }

    /** What was stored, and how long it took. */
    public record Summary(int meters, int terminals, int attached, long millis) {
    }

    public InstalledBase {
        meters = List.copyOf(meters);
        terminals = List.copyOf(terminals);
    }
}
