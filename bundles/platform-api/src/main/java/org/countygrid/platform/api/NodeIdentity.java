package org.countygrid.platform.api;

import org.osgi.annotation.versioning.ProviderType;

/** Who this node is: the office it serves by default, its name and the CountyGrid version. */
@ProviderType
public interface NodeIdentity {

    OfficeCode office();

    /** e.g. 青山县供电公司. */
    String officeName();

    /** Unique within the region's cluster, e.g. {@code qs-node-1}. */
    String nodeName();

    String version();
}
