package org.countygrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SystemPropertyPlaceholdersTest {

    private final Map<String, String> properties = Map.of("karaf.base", "/opt/countygrid", "karaf.etc", "/opt/countygrid/etc");

    @Test
    void replacesEveryPlaceholder() {
        assertThat(SystemPropertyPlaceholders.resolve("${karaf.base}/routes", properties::get)).isEqualTo("/opt/countygrid/routes");
        assertThat(SystemPropertyPlaceholders.resolve("${karaf.etc}/${karaf.base}", properties::get))
                .isEqualTo("/opt/countygrid/etc//opt/countygrid");
    }

    @Test
    void leavesPlainPathsAlone() {
        assertThat(SystemPropertyPlaceholders.resolve("/srv/routes", properties::get)).isEqualTo("/srv/routes");
    }

    @Test
    void refusesAnUnknownProperty() {
        assertThatThrownBy(() -> SystemPropertyPlaceholders.resolve("${karaf.home}/routes", properties::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("karaf.home");
    }

    @Test
    void takesAReplacementLiterallyEvenWithDollarOrBackslash() {
        Map<String, String> windows = Map.of("karaf.etc", "C:\\karaf\\$etc");
        assertThat(SystemPropertyPlaceholders.resolve("${karaf.etc}/hazelcast.xml", windows::get))
                .isEqualTo("C:\\karaf\\$etc/hazelcast.xml");
    }

    @Test
    void readsSystemPropertiesByDefault() {
        String name = "countygrid.test.placeholder";
        System.setProperty(name, "/tmp/countygrid");
        try {
            assertThat(SystemPropertyPlaceholders.resolve("${" + name + "}/hazelcast.xml")).isEqualTo("/tmp/countygrid/hazelcast.xml");
        } finally {
            System.clearProperty(name);
        }
    }
}
