package org.countygrid.metering.internal.console;

import java.util.Set;

import org.countygrid.metering.internal.MeteringRoles;
import org.countygrid.platform.api.console.ConsolePanel;
import org.osgi.service.component.annotations.Component;

/**
 * The 计量 panel: stock by state and the work order board. The same service carries the HTTP whiteboard resource
 * properties, so the panel's files (src/main/resources/console/metering/) are served exactly while it is registered.
 */
@Component(service = ConsolePanel.class, property = {
        "osgi.http.whiteboard.resource.pattern=/console/panels/metering/*",
        "osgi.http.whiteboard.resource.prefix=/console/metering" })
public class MeteringConsolePanel implements ConsolePanel {

    @Override
    public String id() {
        return "metering";
    }

    @Override
    public String titleZh() {
        return "计量";
    }

    @Override
    public String titleEn() {
        return "Metering";
    }

    @Override
    public Set<String> roles() {
        return MeteringRoles.READ;
    }

    @Override
    public String script() {
        return "/console/panels/metering/panel.js";
    }

    @Override
    public int order() {
        return 20;
    }
}
