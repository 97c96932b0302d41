package org.countygrid.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid Demo County", description = "Fills an empty office with a generated county")
@interface DemoConfig {

    String PID = "org.countygrid.demo";

    @AttributeDefinition(description = "Generate the county when the node's office has no accounts yet")
    boolean enabled() default true;

    @AttributeDefinition(description = "Seed of the generator: the same seed gives the same county")
    long seed() default 20261126L;

    @AttributeDefinition(description = "Supply stations (1-99)")
    int stations() default 20;

    @AttributeDefinition(description = "Transformer areas, spread over the stations")
    int areas() default 600;

    @AttributeDefinition(description = "Customer accounts, spread over the areas by transformer size")
    int accounts() default 200_000;

    @AttributeDefinition(description = "With the metering module: days of daily frozen readings the demo meters get"
            + " (0: meters, terminals and topology only)")
    int readingDays() default 30;
}
