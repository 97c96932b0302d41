package org.countygrid.platform.cluster.internal;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.SystemPropertyPlaceholders;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * The node's embedded Hazelcast member, configured from {@code configFile} (by default
 * {@code etc/hazelcast.xml}: loopback only, a single member) and registered as a {@link HazelcastInstance}
 * service. Joining a region's cluster is a change of that file alone.
 */
@Component(service = {}, immediate = true, configurationPid = ClusterConfig.PID)
@Designate(ocd = ClusterConfig.class)
public class HazelcastMember {

    /** Member attribute naming the CountyGrid node, so other members can tell who left. */
    public static final String NODE_ATTRIBUTE = "countygrid.node";

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastMember.class);

    private final CompletableFuture<Started> member;
    /** Set by deactivate: a start that finishes afterwards shuts its member down instead of keeping its port. */
    private volatile boolean deactivated;

    /** A running member and its service registration. */
    private record Started(HazelcastInstance hazelcast, ServiceRegistration<HazelcastInstance> registration) {
    }

    /**
     * Starts the member on its own thread: joining takes seconds (waiting for other members), and nothing that
     * serves the office needs Hazelcast to answer, so the node must not wait for it to start. Users of the
     * cluster reference the {@link HazelcastInstance} service, which appears once the member runs.
     */
    @Activate
    public HazelcastMember(BundleContext bundleContext, @Reference NodeIdentity identity, ClusterConfig config)
            throws FileNotFoundException {
        Path file = Path.of(SystemPropertyPlaceholders.resolve(config.configFile()));
        Config hazelcastConfig = load(file, identity.nodeName(), getClass().getClassLoader());
        member = CompletableFuture.supplyAsync(() -> start(bundleContext, hazelcastConfig, file), runnable -> {
            Thread thread = new Thread(runnable, "countygrid-hazelcast-start");
            thread.setDaemon(true);
            thread.start();
        });
        member.exceptionally(e -> {
            LOG.error("Hazelcast member could not start from {}: {}", file, e.getMessage(), e);
            return null;
        });
    }

    private Started start(BundleContext bundleContext, Config config, Path file) {
        long started = System.nanoTime();
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);
        if (deactivated) {
            hazelcast.shutdown();
            LOG.info("Hazelcast member started after its bundle stopped: shut down again");
            return null;
        }
        LOG.info("Hazelcast member {} of cluster {} started in {} ms with {} member(s), configured by {}",
                hazelcast.getCluster().getLocalMember().getAddress(), hazelcast.getConfig().getClusterName(),
                (System.nanoTime() - started) / 1_000_000, hazelcast.getCluster().getMembers().size(), file);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("hazelcast.instance.name", hazelcast.getName());
        try {
            return new Started(hazelcast, bundleContext.registerService(HazelcastInstance.class, hazelcast, properties));
        } catch (IllegalStateException bundleStopped) {
            hazelcast.shutdown();
            throw bundleStopped;
        }
    }

    @Deactivate
    void deactivate() {
        deactivated = true;
        Started running;
        try {
            running = member.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            return; // it never started; the failure was logged
        }
        if (running != null) {
            try {
                running.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and took its registrations with it
            }
            running.hazelcast().shutdown();
        }
    }

    /**
     * Reads the member configuration. The class loader is this bundle's, so that Hazelcast finds the classes
     * of values put into the cluster from here; the instance is named after the node.
     */
    static Config load(Path file, String nodeName, ClassLoader classLoader) throws FileNotFoundException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("Hazelcast configuration " + file + " does not exist; the distribution ships "
                    + "etc/hazelcast.xml, or set configFile in org.countygrid.platform.cluster.cfg");
        }
        Config config = new FileSystemXmlConfig(file.toFile());
        config.setClassLoader(classLoader);
        config.setInstanceName(nodeName);
        config.getMemberAttributeConfig().setAttribute(NODE_ATTRIBUTE, nodeName);
        return config;
    }
}
