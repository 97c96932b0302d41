package org.countygrid.platform.integration.internal.console;

import java.util.Set;

import org.countygrid.platform.api.console.ConsolePanel;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;

/** The "Routes" panel; its script is served from this bundle's console/routes folder by the HTTP whiteboard. */
@Component(service = ConsolePanel.class, property = {
        "osgi.http.whiteboard.resource.pattern=/console/panels/routes/*",
        "osgi.http.whiteboard.resource.prefix=/console/routes" })
public class RoutesConsolePanel implements ConsolePanel {

    @Override
    public String id() {
        return "routes";
    }

    @Override
    public String titleZh() {
        return "路由";
    }

    @Override
    public String titleEn() {
        return "Routes";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Role.ADMIN, Role.AUDITOR);
    }

    @Override
    public String script() {
        return "/console/panels/routes/panel.js";
    }

    @Override
    public int order() {
        return 900;
    }
}
