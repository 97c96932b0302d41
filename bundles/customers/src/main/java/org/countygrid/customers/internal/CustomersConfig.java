package org.countygrid.customers.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid Customers", description = "Customer register (客户档案) of the office")
@interface CustomersConfig {

    String PID = "org.countygrid.customers";

    /** What each setting must be; a value that breaks it is not used (ConfigValues). */
    java.util.Map<String, org.countygrid.platform.api.config.ConfigValues.Rule> RULES = java.util.Map.of(
            "searchDefaultLimit", org.countygrid.platform.api.config.ConfigValues.between(1, 500),
            "searchMaxLimit", org.countygrid.platform.api.config.ConfigValues.between(1, 500));

    @AttributeDefinition(description = "Accounts per page when the caller does not say")
    int searchDefaultLimit() default 20;

    @AttributeDefinition(description = "Most accounts one search page may return (at most 500)")
    int searchMaxLimit() default 200;
}
