package org.countygrid.platform.cluster;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The CountyGrid nodes of the cluster this node belongs to, including itself. */
@ProviderType
public interface NodeRegistry {

    /** Every node that is up, ordered by node name. */
    List<NodeInfo> nodes();

    /**
     * The node that holds this node's name in the cluster when another one does (two nodes of one name): this node
     * is then not in {@link #nodes()} until one of them is renamed. Empty while the name is this node's.
     */
    default Optional<NodeInfo> nameTakenBy() {
        return Optional.empty();
    }
}
