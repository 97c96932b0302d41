package org.countygrid.platform.cluster.internal.rest;

import java.util.List;

import org.countygrid.platform.cluster.NodeInfo;

/** One node for GET /api/cluster/nodes; times as ISO-8601 strings, {@code local} marks the node answering. */
public record NodeView(String node, String office, String officeName, String version, String address,
        List<String> features, String startedAt, String lastSeen, boolean local) {

    static NodeView of(NodeInfo n, boolean local) {
        return new NodeView(n.node(), n.office(), n.officeName(), n.version(), n.address(), n.features(),
                n.startedAt().toString(), n.lastSeen().toString(), local);
    }
}
