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
}
