package org.countygrid.platform.web.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.countygrid.platform.api.OfficeCode;
import org.junit.jupiter.api.Test;

class RealmStaffDirectoryTest {

    @Test
    void theHoldersOfTheRoleInThatOfficeOnlySorted() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("wang.li", List.of("field", "ssh", "office.QS"));
        users.put("admin", List.of("admin", "ssh", "office.QS"));
        users.put("chen.fang", List.of("field", "office.QS"));
        users.put("zhao.gang", List.of("field", "office.QT"));
        users.put("sun.mei", List.of("operator", "office.QS"));
        users.put("office.QS", List.of("field")); // a login named like an office role holds no office

        assertThat(RealmStaffDirectory.holders(users, OfficeCode.of("QS"), "field")).containsExactly("chen.fang", "wang.li");
        assertThat(RealmStaffDirectory.holders(users, OfficeCode.of("QT"), "field")).containsExactly("zhao.gang");
        assertThat(RealmStaffDirectory.holders(users, OfficeCode.of("QS"), "cashier")).isEmpty();
    }
}
