package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.console.ConsolePanel;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.web.internal.rest.ConsolePanelsResource.PanelEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsolePanelsResourceTest {

    private final ConsolePanelsResource resource = new ConsolePanelsResource();

    record Panel(String id, String titleZh, String titleEn, Set<String> roles, String script, int order) implements ConsolePanel {
    }

    @AfterEach
    void clear() {
        CurrentCaller.clear();
    }

    @Test
    void listsThePanelsRegisteredNowThatTheCallerMaySeeInOrder() {
        resource.addPanel(new Panel("routes", "路由", "Routes", Set.of("admin"), "/console/panels/routes/panel.js", 90));
        resource.addPanel(new Panel("customers", "客户", "Customers", Set.of("operator", "auditor"), "/console/panels/customers/panel.js", 10));
        Panel cluster = new Panel("cluster", "集群", "Cluster", Set.of("operator"), "/console/panels/cluster/panel.js", 50);
        resource.addPanel(cluster);
        CurrentCaller.set(new Caller("li", OfficeCode.of("QS"), Set.of("operator")));

        assertThat(resource.list()).extracting(PanelEntry::id).containsExactly("customers", "cluster");
        assertThat(resource.list().get(0).title()).isEqualTo(new ConsolePanelsResource.Title("客户", "Customers"));

        resource.removePanel(cluster);
        assertThat(resource.list()).extracting(PanelEntry::id).containsExactly("customers");
    }

    @Test
    void aPanelThatFailsToDecideIsHidden() {
        resource.addPanel(new Panel("broken", "坏", "Broken", null, "/x.js", 1));
        CurrentCaller.set(new Caller("li", OfficeCode.of("QS"), Set.of("operator")));

        assertThat(resource.list()).isEmpty();
    }

    @Test
    void withoutLoginTheAnswerIs401() {
        assertThatThrownBy(resource::list).isInstanceOf(Problem.class).extracting(e -> ((Problem) e).status()).isEqualTo(401);
    }
}
