package org.countygrid.platform.cluster.internal.profile;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid office profile",
        description = "The modules an office profile feature (countygrid-office-*) installs on this node")
@interface OfficeProfileConfig {

    @AttributeDefinition(description = "Name of the profile, e.g. office-all")
    String profile() default "office-all";

    @AttributeDefinition(description = "Comma-separated CountyGrid module features the profile installs")
    String features() default "countygrid-customers, countygrid-metering";
}
