package org.countygrid.platform.data.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid database", description = "Which pax-jdbc DataSource the platform and its modules use")
@interface DataConfig {

    /** pax-jdbc-config registers the DataSource with every non-hidden key of its cfg file, dataSourceName included. */
    String DEFAULT_TARGET = "(dataSourceName=countygrid)";

    @AttributeDefinition(name = "DataSource filter",
            description = "LDAP filter on the javax.sql.DataSource service; dataSourceName comes from etc/org.ops4j.datasource-<name>.cfg")
    String dataSource_target() default DEFAULT_TARGET;
}
