package org.countygrid.platform.web.internal.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.countygrid.platform.api.health.ReadinessCheck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What the registered {@link ReadinessCheck}s say is not ready yet. Looked up per call rather than bound: the REST
 * server is itself a ReadinessCheck and binds the health resource, so a DS reference there would be circular.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    public static List<String> blockers(BundleContext context) {
        List<String> blockers = new ArrayList<>();
        Collection<ServiceReference<ReadinessCheck>> references;
        try {
            references = context.getServiceReferences(ReadinessCheck.class, null);
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return List.of("the readiness checks cannot be read");
        }
        for (ServiceReference<ReadinessCheck> reference : references) {
            ReadinessCheck check = context.getService(reference);
            if (check == null) {
                continue; // went away meanwhile
            }
            try {
                check.blocker().ifPresent(blockers::add);
            } finally {
                context.ungetService(reference);
            }
        }
        return blockers;
    }
}
