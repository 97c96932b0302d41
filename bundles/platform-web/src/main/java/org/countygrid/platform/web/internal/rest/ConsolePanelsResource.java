package org.countygrid.platform.web.internal.rest;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.countygrid.platform.api.console.ConsolePanel;
import org.countygrid.platform.api.rest.RestResource;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /api/console/panels: the console's navigation, i.e. the {@link ConsolePanel} services registered at this
 * moment that the caller may see. Any user with a CountyGrid role may ask; the answer is theirs only.
 */
@Component(service = RestResource.class)
@Path("/console/panels")
public final class ConsolePanelsResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePanelsResource.class);

    public record Title(String zh, String en) {
    }

    public record PanelEntry(String id, Title title, String script, int order) {
    }

    private final List<ConsolePanel> panels = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPanel(ConsolePanel panel) {
        panels.add(panel);
    }

    void removePanel(ConsolePanel panel) {
        panels.remove(panel);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({ Role.ADMIN, Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR })
    public List<PanelEntry> list() {
        Caller caller = CurrentCaller.get();
        return panels.stream()
                .filter(p -> visible(p, caller))
                .map(p -> new PanelEntry(p.id(), new Title(p.titleZh(), p.titleEn()), p.script(), p.order()))
                .sorted(Comparator.comparingInt(PanelEntry::order).thenComparing(PanelEntry::id))
                .toList();
    }

    private static boolean visible(ConsolePanel panel, Caller caller) {
        try {
            return panel.visibleTo(caller);
        } catch (RuntimeException e) {
            LOG.warn("Console panel {} failed to say whether {} may see it; hidden", panel.getClass().getName(), caller.user(), e);
            return false;
        }
    }
}
