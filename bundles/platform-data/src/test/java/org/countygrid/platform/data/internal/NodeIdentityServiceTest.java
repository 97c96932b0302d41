package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.data.Office;
import org.countygrid.platform.data.Office.Kind;
import org.junit.jupiter.api.Test;

class NodeIdentityServiceTest {

    @Test
    void theNodeNameIsConfiguredOrKarafsOrTheHosts() {
        assertThat(NodeIdentityService.nodeName(" qs-node-1 ", "qs-karaf", () -> "host")).isEqualTo("qs-node-1");
        assertThat(NodeIdentityService.nodeName("", "qs-karaf", () -> "host")).isEqualTo("qs-karaf");
        assertThat(NodeIdentityService.nodeName("", "root", () -> "host")).isEqualTo("host");
        assertThat(NodeIdentityService.nodeName("", null, () -> "host")).isEqualTo("host");
    }

    @Test
    void theOfficeIsRecordedWhenADatabaseAppears() {
        try (Db.Open open = Db.H2.open()) {
            OfficeDirectoryService directory = new OfficeDirectoryService(new DatabaseService(open.dataSource()));
            NodeIdentityService node = new NodeIdentityService(OfficeCode.of("QS"), "青山县供电公司", "qs-node-1", "0.1.0.SNAPSHOT");

            node.bindOfficeDirectory(directory);

            assertThat(directory.find(OfficeCode.of("QS"))).contains(new Office(OfficeCode.of("QS"), "青山县供电公司", Kind.COUNTY, null));
            assertThat(node.office()).isEqualTo(OfficeCode.of("QS"));
            assertThat(node.nodeName()).isEqualTo("qs-node-1");
            assertThat(node.version()).isEqualTo("0.1.0.SNAPSHOT");
        }
    }

    @Test
    void anOfficeWithoutANameIsRefused() {
        assertThatThrownBy(() -> new NodeIdentityService(OfficeCode.of("QS"), " ", "n", "1"))
                .isInstanceOf(ValidationException.class);
    }
}
