package org.countygrid.platform.web.internal.rest;

import org.countygrid.platform.api.config.ConfigValues;
import org.slf4j.LoggerFactory;

/** platform-web's configuration as its components read it: checked against {@link WebConfig#RULES}. */
final class WebSettings {

    private WebSettings() {
    }

    /** A value that cannot be read or breaks its rule gives the setting's default, with one WARN naming it. */
    static WebConfig checked(WebConfig configured) {
        return checked(configured, java.util.Map.of());
    }

    /** With the component's properties as configured, so that a {@code secureCookie = ture} is told too. */
    static WebConfig checked(WebConfig configured, java.util.Map<String, ?> properties) {
        return ConfigValues.checked(WebConfig.class, configured, properties, WebConfig.RULES,
                LoggerFactory.getLogger(WebConfig.class)::warn);
    }
}
