package org.countygrid.metering.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;

import org.countygrid.metering.ReadingService;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.internal.DatabaseService;

/**
 * The metering unit and its {@link ReadingService} built as the bundle builds them, but outside OSGi. It sits in the
 * bundle's internal package (on the class path, not in a bundle) so the bench reaches the package-private
 * constructors without the bundle widening them.
 */
public final class StandaloneMetering {

    private StandaloneMetering() {
    }

    /** Runs the module's changelog and opens its persistence unit, both from the class path. */
    public static ModuleStore open(DatabaseService database) {
        return database.open(MeteringUnit.UNIT, StandaloneMetering.class.getClassLoader(), MeteringUnit.CHANGELOG);
    }

    /** The service with the configuration DS gives it when no value is set (the feature ships the same values). */
    public static ReadingService readings(ModuleStore store, Clock clock) {
        return new ReadingServiceImpl(store, clock, defaults());
    }

    static MeteringConfig defaults() {
        return (MeteringConfig) Proxy.newProxyInstance(MeteringConfig.class.getClassLoader(),
                new Class<?>[] { MeteringConfig.class }, (proxy, method, args) -> {
                    if (method.getDefaultValue() == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }
}
