package org.countygrid.platform.integration.internal.console;

import java.util.Set;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.console.ConsolePanel;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.integration.internal.NodeStaff;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The "Routes" panel; its script is served from this bundle's console/routes folder by the HTTP whiteboard. */
@Component(service = ConsolePanel.class, property = {
        "osgi.http.whiteboard.resource.pattern=/console/panels/routes/*",
        "osgi.http.whiteboard.resource.prefix=/console/routes" })
public class RoutesConsolePanel implements ConsolePanel {

    private final NodeIdentity node;

    @Activate
    public RoutesConsolePanel(@Reference NodeIdentity node) {
        this.node = node;
    }

    /** Admins and auditors of the office this node serves (see {@link NodeStaff}). */
    @Override
    public boolean visibleTo(Caller caller) {
        return ConsolePanel.super.visibleTo(caller) && NodeStaff.serves(caller, node);
    }

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
