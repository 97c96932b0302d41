package org.countygrid.platform.data.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.data.OfficeDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who this node is, from configuration alone so that it stays registered while the database comes and goes; the
 * office row is written whenever an office directory (that is, a database) appears.
 */
@Component(service = NodeIdentity.class, configurationPid = NodeIdentityService.PID)
@Designate(ocd = NodeConfig.class)
public class NodeIdentityService implements NodeIdentity {

    static final String PID = "org.countygrid.platform";

    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentityService.class);

    private final OfficeCode office;
    private final String officeName;
    private final String nodeName;
    private final String version;

    @Activate
    public NodeIdentityService(NodeConfig config, BundleContext context) {
        this(OfficeCode.of(config.office()), config.officeName(),
                nodeName(config.nodeName(), System.getProperty("karaf.name"), NodeIdentityService::hostName),
                context.getBundle().getVersion().toString());
    }

    NodeIdentityService(OfficeCode office, String officeName, String nodeName, String version) {
        if (officeName == null || officeName.isBlank()) {
            throw new ValidationException("officeName", "the office needs a name");
        }
        this.office = office;
        this.officeName = officeName.strip();
        this.nodeName = nodeName;
        this.version = version;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindOfficeDirectory(OfficeDirectory directory) {
        try {
            directory.putCounty(office, officeName);
        } catch (RuntimeException e) {
            LOG.error("Office {} ({}) not recorded in the database: {}", office, officeName, e.getMessage());
        }
    }

    void unbindOfficeDirectory(OfficeDirectory directory) {
        // nothing to undo: the office row stays
    }

    @Override
    public OfficeCode office() {
        return office;
    }

    @Override
    public String officeName() {
        return officeName;
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public String version() {
        return version;
    }

    /** Karaf names every instance "root" unless told otherwise, which is no use for telling nodes apart. */
    static String nodeName(String configured, String karafName, Supplier<String> hostName) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (karafName != null && !karafName.isBlank() && !"root".equals(karafName)) {
            return karafName;
        }
        return hostName.get();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "countygrid-node";
        }
    }
}
