package org.countygrid.platform.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One node as it last described itself.
 *
 * @param node       unique node name, e.g. {@code qs-node-1}
 * @param office     code of the office it serves by default
 * @param address    its Hazelcast member address, e.g. {@code 127.0.0.1:5701}
 * @param features   the CountyGrid features installed on it ({@code countygrid-*}), sorted
 * @param startedAt  when it joined the registry
 * @param lastSeen   when it last refreshed its entry
 */
public record NodeInfo(String node, String office, String officeName, String version, String address,
        List<String> features, Instant startedAt, Instant lastSeen) {

    public NodeInfo {
        features = List.copyOf(features);
    }
}
