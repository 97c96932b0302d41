package org.countygrid.platform.cluster.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.countygrid.platform.cluster.NodeInfo;
import org.junit.jupiter.api.Test;

class NodeEntryTest {

    @Test
    void survivesTheTripThroughAMapOfStrings() {
        NodeInfo info = new NodeInfo("qs-node-1", "QS", "青山县供电公司", "0.1.0", "127.0.0.1:5701",
                List.of("countygrid-customers", "countygrid-platform"), Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2026-11-26T08:00:10Z"));
        NodeEntry entry = new NodeEntry(info, "6f1c-member");

        NodeEntry back = NodeEntry.fromMap(entry.toMap());

        assertThat(back).isEqualTo(entry);
    }

    @Test
    void toleratesAnEntryWithFieldsMissing() {
        NodeEntry entry = NodeEntry.fromMap(Map.of("node", "old-node", "office", "QS"));

        assertThat(entry.info().node()).isEqualTo("old-node");
        assertThat(entry.info().features()).isEmpty();
        assertThat(entry.info().lastSeen()).isEqualTo(Instant.EPOCH);
        assertThat(entry.member()).isEmpty();
    }
}
