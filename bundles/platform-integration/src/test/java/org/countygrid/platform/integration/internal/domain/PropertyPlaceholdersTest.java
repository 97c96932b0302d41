package org.countygrid.platform.integration.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PropertyPlaceholdersTest {

    private final Map<String, String> properties = Map.of("karaf.base", "/opt/countygrid", "karaf.etc", "/opt/countygrid/etc");

    @Test
    void replacesEveryPlaceholder() {
        assertThat(PropertyPlaceholders.resolve("${karaf.base}/routes", properties::get)).isEqualTo("/opt/countygrid/routes");
        assertThat(PropertyPlaceholders.resolve("${karaf.etc}/${karaf.base}", properties::get))
                .isEqualTo("/opt/countygrid/etc//opt/countygrid");
    }

    @Test
    void leavesPlainPathsAlone() {
        assertThat(PropertyPlaceholders.resolve("/srv/routes", properties::get)).isEqualTo("/srv/routes");
    }

    @Test
    void refusesAnUnknownProperty() {
        assertThatThrownBy(() -> PropertyPlaceholders.resolve("${karaf.home}/routes", properties::get))
                .hasMessageContaining("karaf.home");
    }
}
