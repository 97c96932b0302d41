package org.countygrid.platform.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid integration",
        description = "Hot-deployed route files and the outbox event relay")
@interface IntegrationConfig {

    String PID = "org.countygrid.platform.integration";

    @AttributeDefinition(description = "Folder watched for *.yaml, *.yml and *.xml route files; ${karaf.base} and other system properties are resolved")
    String routesFolder() default "${karaf.base}/routes";

    @AttributeDefinition(description = "Milliseconds between two outbox relay runs", min = "50")
    long relayIntervalMillis() default 500;

    @AttributeDefinition(description = "Events read from the outbox at a time", min = "1")
    int relayBatchSize() default 100;
}
