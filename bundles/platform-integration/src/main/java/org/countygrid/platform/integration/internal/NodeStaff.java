package org.countygrid.platform.integration.internal;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;

/**
 * The node's own integration — its routes, their last errors and the relay's figures, which carry every office's
 * events — is for the staff of the office the node serves. An admin or auditor of another office, logged in to a node
 * that several offices share, sees their own data through the modules, not this node's plumbing.
 */
public final class NodeStaff {

    private NodeStaff() {
    }

    public static boolean serves(Caller caller, NodeIdentity node) {
        return caller.office().equals(node.office());
    }

    public static void require(Caller caller, NodeIdentity node) {
        if (!serves(caller, node)) {
            throw Problem.forbidden("the routes of this node are for the staff of office " + node.office().value()
                    + ", the office it serves; you belong to office " + caller.office().value());
        }
    }
}
