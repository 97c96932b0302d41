package org.countygrid.platform.cluster;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The CountyGrid nodes of the cluster this node belongs to, including itself. */
@ProviderType
public interface NodeRegistry {

    /** Every node that is up, ordered by node name. */
    List<NodeInfo> nodes();
}
