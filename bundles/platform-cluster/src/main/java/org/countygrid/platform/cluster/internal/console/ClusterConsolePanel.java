package org.countygrid.platform.cluster.internal.console;

import java.util.Set;

import org.countygrid.platform.api.console.ConsolePanel;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;

/** The "Cluster" panel; its script is served from this bundle's console/cluster folder by the HTTP whiteboard. */
@Component(service = ConsolePanel.class, property = {
        "osgi.http.whiteboard.resource.pattern=/console/panels/cluster/*",
        "osgi.http.whiteboard.resource.prefix=/console/cluster" })
public class ClusterConsolePanel implements ConsolePanel {

    @Override
    public String id() {
        return "cluster";
    }

    @Override
    public String titleZh() {
        return "集群";
    }

    @Override
    public String titleEn() {
        return "Cluster";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Role.ADMIN, Role.AUDITOR);
    }

    @Override
    public String script() {
        return "/console/panels/cluster/panel.js";
    }

    @Override
    public int order() {
        return 910;
    }
}
