package org.countygrid.platform.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid cluster", description = "The embedded Hazelcast member and the node registry")
@interface ClusterConfig {

    /** What each setting must be; a value that breaks it is not used, its default is (platform-api ConfigValues). */
    java.util.Map<String, org.countygrid.platform.api.config.ConfigValues.Rule> RULES = java.util.Map.of(
            "heartbeatSeconds", org.countygrid.platform.api.config.ConfigValues.between(1, 3_600));

    String PID = "org.countygrid.platform.cluster";

    @AttributeDefinition(description = "Hazelcast XML configuration of this member; ${karaf.etc} and other system properties are resolved")
    String configFile() default "${karaf.etc}/hazelcast.xml";

    @AttributeDefinition(description = "Seconds between two refreshes of this node's registry entry; an entry not refreshed for three times as long expires", min = "1")
    int heartbeatSeconds() default 10;
}
