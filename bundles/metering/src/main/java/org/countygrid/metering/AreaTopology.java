package org.countygrid.metering;

import java.util.List;

/**
 * The collection topology of one transformer area (台区): its terminals, the meters under each, and the meters
 * installed in the area that no terminal reads.
 */
public record AreaTopology(String areaCode, List<TerminalView> terminals, List<AttachedMeter> attached,
        List<AttachedMeter> unattached) {

    public AreaTopology {
        terminals = List.copyOf(terminals);
        attached = List.copyOf(attached);
        unattached = List.copyOf(unattached);
    }
}
