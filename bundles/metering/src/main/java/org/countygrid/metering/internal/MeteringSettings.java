package org.countygrid.metering.internal;

import org.countygrid.platform.api.config.ConfigValues;
import org.slf4j.LoggerFactory;

/** The module's configuration as its services read it: checked against {@link MeteringConfig#RULES}. */
final class MeteringSettings {

    private MeteringSettings() {
    }

    /** A value that cannot be read or breaks its rule gives the setting's default, with one WARN naming it. */
    static MeteringConfig checked(MeteringConfig configured) {
        return ConfigValues.checked(MeteringConfig.class, configured, MeteringConfig.RULES,
                LoggerFactory.getLogger(MeteringConfig.class)::warn);
    }
}
