package org.countygrid.metering.internal;

import org.countygrid.platform.data.Database;
import org.countygrid.platform.data.ModuleStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's one persistence unit, shared by its three services. Immediate: the schema migration runs, and fails
 * loudly, when the bundle starts rather than at the first request.
 */
@Component(service = MeteringUnit.class, immediate = true)
public class MeteringUnit {

    static final String UNIT = "metering";
    static final String CHANGELOG = "db/changelog/metering.xml";

    private final ModuleStore store;

    @Activate
    public MeteringUnit(@Reference Database database, BundleContext context) {
        this(database.open(UNIT, context.getBundle(), CHANGELOG));
    }

    MeteringUnit(ModuleStore store) {
        this.store = store;
    }

    ModuleStore store() {
        return store;
    }

    @Deactivate
    void close() {
        store.close();
    }
}
