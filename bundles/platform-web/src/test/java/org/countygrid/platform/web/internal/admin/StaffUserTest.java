package org.countygrid.platform.web.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

class StaffUserTest {

    @Test
    void rolesThenTheOfficeAsJaasRolesWithoutDuplicates() {
        StaffUser user = StaffUser.of("zhang.wei", "Qs-Oper4tor", "QS", List.of("operator", "ssh", "operator"));

        assertThat(user.roles()).containsExactly("operator", "ssh");
        assertThat(user.jaasRoles()).containsExactly("operator", "ssh", "office.QS");
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> StaffUser.of("zhang,admin", "short", "qs", List.of("root")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).byField()).containsOnlyKeys("user", "password", "office", "roles"))
                .hasMessageContaining("unknown root");
    }

    @Test
    void aRoleOfCountyGridIsNeededNotOnlyTheShell() {
        assertThatThrownBy(() -> StaffUser.of("li", "Li-Passw0rd", "QS", List.of("ssh")))
                .hasMessageContaining("roles: at least one of admin auditor cashier dispatcher field operator");
        assertThatThrownBy(() -> StaffUser.of("li", "Li-Passw0rd", "QS", List.of()))
                .hasMessageContaining("roles: at least one of");
    }

    @Test
    void aPasswordThatIsTheNameOrBreaksTheFileIsRefused() {
        assertThatThrownBy(() -> StaffUser.of("wangfang", "WANGFANG", "QS", List.of("field")))
                .hasMessageContaining("password: must not be blank or the user name");
        assertThatThrownBy(() -> StaffUser.of("wangfang", "abc,defgh", "QS", List.of("field")))
                .hasMessageContaining("password: must not contain ','");
    }

    @Test
    void aPasswordMixesThreeKindsOfCharacterAndIsNeitherTheNameInsideNorACommonOne() {
        for (String weak : new String[] { "aaaaaaaa", "12345678", "password", "weak2weak2", "admin123", "ABCDEFGH1" }) {
            assertThatThrownBy(() -> StaffUser.of("wangfang", weak, "QS", List.of("field"))).as(weak)
                    .hasMessageContaining("password: " + StaffUser.MIX);
        }
        assertThatThrownBy(() -> StaffUser.of("wangfang", "Wangfang-2026", "QS", List.of("field")))
                .hasMessageContaining("password: must not contain the user name");
        assertThatThrownBy(() -> StaffUser.of("wangfang", "Admin@123", "QS", List.of("field")))
                .hasMessageContaining("password: is one of the passwords tried first");
        assertThatThrownBy(() -> StaffUser.checkPassword("admin", "Admin@2026")).hasMessageContaining("the user name");
        // a two-letter name is no word to look for; three kinds are enough, any three
        assertThat(StaffUser.of("li", "Li-Passw0rd", "QS", List.of("field")).password()).isEqualTo("Li-Passw0rd");
        assertThat(StaffUser.of("wangfang", "hong-qi-9-lu", "QS", List.of("field")).name()).isEqualTo("wangfang");
        assertThat(StaffUser.of("wangfang", "青山供电所Qs2026", "QS", List.of("field")).name()).isEqualTo("wangfang");
    }
}
