package org.countygrid.platform.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid cluster", description = "The embedded Hazelcast member and the node registry")
@interface ClusterConfig {

    String PID = "org.countygrid.platform.cluster";

    @AttributeDefinition(description = "Hazelcast XML configuration of this member; ${karaf.etc} and other system properties are resolved")
    String configFile() default "${karaf.etc}/hazelcast.xml";

    @AttributeDefinition(description = "Seconds between two refreshes of this node's registry entry; an entry not refreshed for three times as long expires", min = "1")
    int heartbeatSeconds() default 10;
}
