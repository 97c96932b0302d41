package org.countygrid.customers.internal.console;

import java.util.Set;

import org.countygrid.customers.internal.CustomerRoles;
import org.countygrid.platform.api.console.ConsolePanel;
import org.osgi.service.component.annotations.Component;

/**
 * The 客户档案 panel. The same service also carries the HTTP whiteboard resource properties, so the panel's
 * files (src/main/resources/console/customers/) are served exactly while the panel is registered.
 */
@Component(service = ConsolePanel.class, property = {
        "osgi.http.whiteboard.resource.pattern=/console/panels/customers/*",
        "osgi.http.whiteboard.resource.prefix=/console/customers" })
public class CustomersConsolePanel implements ConsolePanel {

    @Override
    public String id() {
        return "customers";
    }

    @Override
    public String titleZh() {
        return "客户档案";
    }

    @Override
    public String titleEn() {
        return "Customers";
    }

    @Override
    public Set<String> roles() {
        return CustomerRoles.READ;
    }

    @Override
    public String script() {
        return "/console/panels/customers/panel.js";
    }

    @Override
    public int order() {
        return 10;
    }
}
