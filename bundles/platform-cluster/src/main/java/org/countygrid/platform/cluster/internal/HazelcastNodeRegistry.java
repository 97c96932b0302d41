package org.countygrid.platform.cluster.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.cluster.NodeInfo;
import org.countygrid.platform.cluster.NodeRegistry;
import org.countygrid.platform.cluster.internal.domain.NodeEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The cluster's node registry: each node keeps its own entry in the map {@value #MAP}, refreshed every
 * heartbeat and whenever a CountyGrid feature is installed or removed. The entry of a member that leaves is
 * removed by the members that stay; should that be missed (all of them restarting), it expires after three
 * heartbeats, and {@link #nodes()} never lists an entry whose member is not in the cluster.
 */
@Component(service = NodeRegistry.class, immediate = true, configurationPid = ClusterConfig.PID)
public class HazelcastNodeRegistry implements NodeRegistry {

    public static final String MAP = "countygrid-nodes";
    static final String FEATURE_PREFIX = "countygrid-";
    /** platform-data's configuration of the node's identity (its office and name). */
    static final String NODE_PID = "org.countygrid.platform";

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastNodeRegistry.class);

    private final HazelcastInstance hazelcast;
    private final NodeIdentity identity;
    private final Supplier<List<String>> features;
    private final Duration heartbeat;
    private final Clock clock;
    private final Instant startedAt;
    private final UUID membershipRegistration;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "countygrid-node-registry");
        t.setDaemon(true);
        return t;
    });
    private FeaturesService featuresService;
    private FeaturesListener featuresListener;
    private volatile NodeInfo nameTakenBy;

    @Activate
    public HazelcastNodeRegistry(@Reference HazelcastInstance hazelcast, @Reference NodeIdentity identity,
            @Reference FeaturesService featuresService, ClusterConfig config) {
        this(hazelcast, identity, () -> installedCountyGridFeatures(featuresService),
                Duration.ofSeconds(org.countygrid.platform.api.config.ConfigValues.checked(ClusterConfig.class, config,
                        ClusterConfig.RULES, LoggerFactory.getLogger(ClusterConfig.class)::warn).heartbeatSeconds()),
                Clock.systemUTC(), Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        this.featuresService = featuresService;
        this.featuresListener = new FeatureChanges();
        featuresService.registerListener(featuresListener);
    }

    /** For tests: the installed features come from {@code features}; call {@link #featuresChanged()} by hand. */
    HazelcastNodeRegistry(HazelcastInstance hazelcast, NodeIdentity identity, Supplier<List<String>> features,
            Duration heartbeat, Clock clock) {
        this(hazelcast, identity, features, heartbeat, clock, clock.instant());
    }

    /**
     * {@code startedAt}: the node's start — the JVM's, not this component's, which begins anew when the node's name or
     * the registry's configuration changes (a probe saw the start time jump at a rename).
     */
    private HazelcastNodeRegistry(HazelcastInstance hazelcast, NodeIdentity identity, Supplier<List<String>> features,
            Duration heartbeat, Clock clock, Instant startedAt) {
        this.hazelcast = hazelcast;
        this.identity = identity;
        this.features = features;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.startedAt = startedAt;
        this.membershipRegistration = hazelcast.getCluster().addMembershipListener(new Departures());
        executor.scheduleWithFixedDelay(this::refresh, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        if (featuresService != null) {
            featuresService.unregisterListener(featuresListener);
        }
        executor.shutdownNow();
        try {
            // a heartbeat in flight would write the entry again after it is removed below
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getCluster().removeMembershipListener(membershipRegistration);
            removeEntriesOf(localMember(), identity.nodeName());
        }
    }

    @Override
    public List<NodeInfo> nodes() {
        Set<String> members = hazelcast.getCluster().getMembers().stream().map(m -> m.getUuid().toString())
                .collect(Collectors.toSet());
        return map().values().stream().map(NodeEntry::fromMap).filter(e -> members.contains(e.member()))
                .map(NodeEntry::info).sorted(Comparator.comparing(NodeInfo::node)).toList();
    }

    /** Re-publishes this node's entry soon, off the caller's thread (it may be the feature deployment's). */
    void featuresChanged() {
        soon(this::refresh);
    }

    private void soon(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            // deactivating: this node's entry is being removed anyway
        }
    }

    @Override
    public Optional<NodeInfo> nameTakenBy() {
        return Optional.ofNullable(nameTakenBy);
    }

    void refresh() {
        try {
            String name = identity.nodeName();
            Map<String, String> current = map().get(name);
            if (nameTaken(current == null ? null : NodeEntry.fromMap(current))) {
                return;
            }
            Member local = hazelcast.getCluster().getLocalMember();
            NodeInfo info = new NodeInfo(name, identity.office().value(), identity.officeName(),
                    identity.version(), local.getAddress().getHost() + ":" + local.getAddress().getPort(),
                    features.get().stream().sorted().toList(), startedAt, clock.instant());
            map().set(name, new NodeEntry(info, localMember()).toMap(), heartbeat.toSeconds() * 3, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // the member may be shutting down, or the features service busy; the next heartbeat tries again
            LOG.warn("Could not refresh the registry entry of node {}: {}", identity.nodeName(), e.getMessage());
        }
    }

    /**
     * Whether another member that is up holds this node's name: two nodes of one name would overwrite each other's
     * entry at every heartbeat, each in the list half of the time. The first keeps the name; this one stays out of
     * the registry, says so once (ERROR) and in {@link #nameTakenBy()}, and takes its entry again when the name is
     * free (the other node renamed or gone, its entry removed or not: {@code holder} null when there is none) — a
     * {@code nodeName} changed on either node takes effect at once.
     */
    private boolean nameTaken(NodeEntry holder) {
        String me = localMember();
        boolean taken = holder != null && !holder.member().equals(me) && hazelcast.getCluster().getMembers().stream()
                .anyMatch(m -> m.getUuid().toString().equals(holder.member()));
        NodeInfo before = nameTakenBy;
        if (taken) {
            if (before == null || !before.address().equals(holder.info().address())) {
                LOG.error("Node name '{}' is taken by the node at {} (office {}): this node stays out of the cluster's "
                        + "node list until one of the two gets another name (nodeName in etc/{}.cfg, taken without a "
                        + "restart)", identity.nodeName(), holder.info().address(), holder.info().office(), NODE_PID);
            }
            nameTakenBy = holder.info();
        } else if (before != null) {
            LOG.info("Node name '{}' is free again: this node is back in the cluster's node list", identity.nodeName());
            nameTakenBy = null;
        }
        return taken;
    }

    private IMap<String, Map<String, String>> map() {
        return hazelcast.getMap(MAP);
    }

    private String localMember() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    /** Removes the entries a member wrote; only {@code onlyNode}'s when given. */
    private void removeEntriesOf(String member, String onlyNode) {
        try {
            IMap<String, Map<String, String>> map = map();
            for (Map.Entry<String, Map<String, String>> entry : map.entrySet()) {
                boolean wanted = onlyNode == null || onlyNode.equals(entry.getKey());
                // remove(key, value): a node that rejoined under the same name meanwhile wrote a new entry, which stays
                if (wanted && member.equals(NodeEntry.fromMap(entry.getValue()).member())
                        && map.remove(entry.getKey(), entry.getValue())) {
                    LOG.info("Node {} left the cluster", entry.getKey());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the registry entries of member {}: {}", member, e.getMessage());
        }
    }

    static List<String> installedCountyGridFeatures(FeaturesService featuresService) {
        try {
            return List.of(featuresService.listInstalledFeatures()).stream().map(f -> f.getName())
                    .filter(name -> name.startsWith(FEATURE_PREFIX)).distinct().toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list installed features: " + e.getMessage(), e);
        }
    }

    private final class Departures implements MembershipListener {

        @Override
        public void memberAdded(MembershipEvent event) {
            // the new member publishes its own entry
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            String member = event.getMember().getUuid().toString();
            // map operations do not belong on Hazelcast's event thread
            soon(() -> removeEntriesOf(member, null));
        }
    }

    private final class FeatureChanges implements FeaturesListener {

        @Override
        public void featureEvent(FeatureEvent event) {
            if (event.getFeature().getName().startsWith(FEATURE_PREFIX)) {
                featuresChanged();
            }
        }

        @Override
        public void repositoryEvent(RepositoryEvent event) {
            // repositories alone change no installed feature
        }
    }
}
