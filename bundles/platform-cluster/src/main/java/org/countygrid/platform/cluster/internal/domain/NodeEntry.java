package org.countygrid.platform.cluster.internal.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.countygrid.platform.cluster.NodeInfo;

/**
 * A node's registry entry as stored in the cluster map: a map of strings, not a Java class, so that nodes
 * running different CountyGrid versions read each other's entries and no bundle class loader is involved.
 * {@code member} is the Hazelcast member UUID, used to drop the entry when that member leaves.
 */
public record NodeEntry(NodeInfo info, String member) {

    private static final String NODE = "node";
    private static final String OFFICE = "office";
    private static final String OFFICE_NAME = "officeName";
    private static final String VERSION = "version";
    private static final String ADDRESS = "address";
    private static final String FEATURES = "features";
    private static final String STARTED_AT = "startedAt";
    private static final String LAST_SEEN = "lastSeen";
    private static final String MEMBER = "member";

    public HashMap<String, String> toMap() {
        HashMap<String, String> map = new HashMap<>();
        map.put(NODE, info.node());
        map.put(OFFICE, info.office());
        map.put(OFFICE_NAME, info.officeName());
        map.put(VERSION, info.version());
        map.put(ADDRESS, info.address());
        map.put(FEATURES, String.join(",", info.features()));
        map.put(STARTED_AT, info.startedAt().toString());
        map.put(LAST_SEEN, info.lastSeen().toString());
        map.put(MEMBER, member);
        return map;
    }

    /** Reads an entry; fields a newer or older node did not write come back empty rather than failing. */
    public static NodeEntry fromMap(Map<String, String> map) {
        String features = map.getOrDefault(FEATURES, "");
        NodeInfo info = new NodeInfo(map.getOrDefault(NODE, ""), map.getOrDefault(OFFICE, ""), map.getOrDefault(OFFICE_NAME, ""),
                map.getOrDefault(VERSION, ""), map.getOrDefault(ADDRESS, ""),
                features.isEmpty() ? List.of() : Arrays.asList(features.split(",")),
                instant(map.get(STARTED_AT)), instant(map.get(LAST_SEEN)));
        return new NodeEntry(info, map.getOrDefault(MEMBER, ""));
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
    }
}
