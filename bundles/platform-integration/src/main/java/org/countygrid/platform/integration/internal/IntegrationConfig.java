package org.countygrid.platform.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid integration",
        description = "Hot-deployed route files and the outbox event relay")
@interface IntegrationConfig {

    /** What each setting must be; a value that breaks it is not used, its default is (ConfigValues). */
    java.util.Map<String, org.countygrid.platform.api.config.ConfigValues.Rule> RULES = java.util.Map.of(
            "routesFolder", org.countygrid.platform.api.config.ConfigValues.text(1_000),
            "relayIntervalMillis", org.countygrid.platform.api.config.ConfigValues.between(50, 600_000),
            "relayBatchSize", org.countygrid.platform.api.config.ConfigValues.between(1, 100_000));

    String PID = "org.countygrid.platform.integration";

    @AttributeDefinition(description = "Folder watched for *.yaml, *.yml and *.xml route files; ${karaf.base} and other system properties are resolved")
    String routesFolder() default "${karaf.base}/routes";

    @AttributeDefinition(description = "Milliseconds between two outbox relay runs", min = "50")
    long relayIntervalMillis() default 500;

    @AttributeDefinition(description = "Events read from the outbox at a time", min = "1")
    int relayBatchSize() default 100;
}
