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

    /**
     * Whether {@code node}, an entry of {@link #nodes()}, is this node's own, whose name is {@code localName}: never
     * while another node holds that name (the entry of that name is the other's).
     */
    default boolean isLocal(NodeInfo node, String localName) {
        return nameTakenBy().isEmpty() && node.node().equals(localName);
    }
}
