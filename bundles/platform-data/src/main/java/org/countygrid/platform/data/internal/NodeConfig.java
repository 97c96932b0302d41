package org.countygrid.platform.data.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid node", description = "Which office this node serves and how it is called in the cluster")
@interface NodeConfig {

    @AttributeDefinition(name = "Office code", description = "2-12 upper-case letters or digits, e.g. QS")
    String office() default "QS";

    @AttributeDefinition(name = "Office name")
    String officeName() default "青山县供电公司";

    @AttributeDefinition(name = "Node name",
            description = "Unique in the region's cluster; empty = the karaf.name system property, or the host name when that is unset or Karaf's default 'root'")
    String nodeName() default "";
}
