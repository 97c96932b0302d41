package org.countygrid.platform.integration.internal;

import org.countygrid.platform.api.config.ConfigValues;
import org.slf4j.LoggerFactory;

/** platform-integration's configuration as its components read it: checked against {@link IntegrationConfig#RULES}. */
final class IntegrationSettings {

    private IntegrationSettings() {
    }

    /** A value that cannot be read or breaks its rule gives the setting's default, with one WARN naming it. */
    static IntegrationConfig checked(IntegrationConfig configured) {
        return ConfigValues.checked(IntegrationConfig.class, configured, IntegrationConfig.RULES,
                LoggerFactory.getLogger(IntegrationConfig.class)::warn);
    }
}
