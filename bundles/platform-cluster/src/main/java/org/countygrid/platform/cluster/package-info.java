/** The node's cluster: which CountyGrid nodes are up, the office each serves and the modules each runs. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.countygrid.platform.cluster;
