package org.countygrid.platform.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.cluster.NodeInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** Two real members on loopback, configured from the shipped etc/hazelcast.xml with other ports. */
class HazelcastNodeRegistryTest {

    record Identity(OfficeCode office, String officeName, String nodeName, String version) implements NodeIdentity {
    }

    /** Entries expire after three heartbeats, longer than any wait here: a removal seen is the listener's. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final List<HazelcastInstance> members = new CopyOnWriteArrayList<>();
    private final List<HazelcastNodeRegistry> registries = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        registries.forEach(HazelcastNodeRegistry::deactivate);
        members.forEach(HazelcastInstance::shutdown);
    }

    /** The shipped file with a cluster of its own on ports 5901..5903, so no other member on this host joins. */
    private Path testConfig() throws Exception {
        String shipped = Files.readString(Path.of("../../assembly/src/main/resources/assembly/etc/hazelcast.xml"));
        String config = shipped.replace("<cluster-name>countygrid</cluster-name>", "<cluster-name>countygrid-test-" + UUID.randomUUID() + "</cluster-name>")
                .replace(">5701</port>", ">5901</port>")
                // the shipped list names this node only; the test cluster lists both of its members
                .replace("<member>127.0.0.1:5701</member>", "<member>127.0.0.1:5901</member><member>127.0.0.1:5902</member>");
        assertThat(config).contains(">5901</port>").contains("countygrid-test-").contains("127.0.0.1:5902");
        Path file = dir.resolve("hazelcast.xml");
        Files.writeString(file, config);
        return file;
    }

    private HazelcastInstance member(Path config, String node) throws Exception {
        Config cfg = HazelcastMember.load(config, node, getClass().getClassLoader());
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(cfg);
        members.add(hz);
        return hz;
    }

    private HazelcastNodeRegistry registry(HazelcastInstance hz, String node, List<String> features) {
        HazelcastNodeRegistry registry = new HazelcastNodeRegistry(hz, new Identity(OfficeCode.of("QS"), "青山县供电公司", node, "0.1.0"),
                () -> features, HEARTBEAT, Clock.systemUTC());
        registries.add(registry);
        return registry;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("nowhere/hazelcast.xml");
        assertThatThrownBy(() -> HazelcastMember.load(missing, "qs-node-a", getClass().getClassLoader()))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void aSecondNodeOfTheSameNameStaysOutOfTheListAndSaysWhyInsteadOfOverwritingTheFirst() throws Exception {
        Path config = testConfig();
        HazelcastInstance a = member(config, "vm");
        HazelcastInstance b = member(config, "vm-b");
        HazelcastNodeRegistry first = registry(a, "vm", List.of("countygrid-platform"));
        await("the first node is registered", () -> first.nodes().size() == 1);
        HazelcastNodeRegistry second = registry(b, "vm", List.of("countygrid-platform", "countygrid-metering"));
        String addressOfA = a.getCluster().getLocalMember().getAddress().getHost() + ":"
                + a.getCluster().getLocalMember().getAddress().getPort();

        await("the second node sees its name taken", () -> second.nameTakenBy().isPresent());
        assertThat(second.nameTakenBy().get().address()).isEqualTo(addressOfA);
        for (int i = 0; i < 5; i++) { // heartbeats of both: the entry stays the first node's
            first.refresh();
            second.refresh();
            assertThat(second.nodes()).singleElement().satisfies(n -> {
                assertThat(n.address()).isEqualTo(addressOfA);
                assertThat(n.features()).containsExactly("countygrid-platform");
            });
        }
        assertThat(first.nameTakenBy()).isEmpty();
        NodeInfo vm = second.nodes().get(0);
        assertThat(first.isLocal(vm, "vm")).as("the holder's own entry").isTrue();
        assertThat(second.isLocal(vm, "vm")).as("the other node's entry, though of this node's name").isFalse();

        // the first node goes: the name is free, and the second takes it at its next heartbeat
        a.getLifecycleService().terminate();
        members.remove(a);
        registries.remove(first);
        await("the first node is gone", () -> b.getCluster().getMembers().size() == 1);
        // the members that stay remove a departed member's entry: the name has no entry at all then (a clean-clone CI
        // run caught the heartbeat taking the name back only while the departed node's entry was still there)
        await("the first node's entry is removed", () -> !b.getMap(HazelcastNodeRegistry.MAP).containsKey("vm"));
        second.refresh();
        assertThat(second.nameTakenBy()).isEmpty();
        assertThat(second.nodes()).singleElement().satisfies(n -> assertThat(n.features()).contains("countygrid-metering"));
    }

    @Test
    void bothMembersAppearAndOneDisappearsWhenItDies() throws Exception {
        Path config = testConfig();
        HazelcastInstance a = member(config, "qs-node-a");
        HazelcastInstance b = member(config, "qs-node-b");
        assertThat(b.getCluster().getMembers()).hasSize(2);
        assertThat(a.getName()).isEqualTo("qs-node-a");
        assertThat(a.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.1");

        List<String> featuresOfB = new CopyOnWriteArrayList<>(List.of("countygrid-platform"));
        HazelcastNodeRegistry registryA = registry(a, "qs-node-a", List.of("countygrid-platform", "countygrid-customers"));
        HazelcastNodeRegistry registryB = registry(b, "qs-node-b", featuresOfB);

        await("both nodes are registered", () -> registryA.nodes().size() == 2);
        NodeInfo nodeA = registryB.nodes().get(0);
        assertThat(nodeA.node()).isEqualTo("qs-node-a");
        assertThat(nodeA.office()).isEqualTo("QS");
        assertThat(nodeA.officeName()).isEqualTo("青山县供电公司");
        assertThat(nodeA.features()).containsExactly("countygrid-customers", "countygrid-platform");
        assertThat(nodeA.address()).startsWith("127.0.0.1:59");

        featuresOfB.add("countygrid-cards");
        registryB.featuresChanged();
        await("the new feature of node b is seen on node a", () -> registryA.nodes().get(1).features().contains("countygrid-cards"));

        // a crash, not a goodbye: node b cannot remove its own entry
        b.getLifecycleService().terminate();
        members.remove(b);
        registries.remove(registryB);

        await("node b is gone from the list", () -> registryA.nodes().size() == 1);
        assertThat(registryA.nodes()).extracting(NodeInfo::node).containsExactly("qs-node-a");
        await("node b's entry is removed from the map", () -> !a.getMap(HazelcastNodeRegistry.MAP).containsKey("qs-node-b"));
    }
}
