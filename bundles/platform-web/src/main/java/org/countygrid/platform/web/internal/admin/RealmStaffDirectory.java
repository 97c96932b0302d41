package org.countygrid.platform.web.internal.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.api.security.StaffDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The staff directory read from the login realm's user file each time it is asked (an office's staff: a small file). */
@Component(service = StaffDirectory.class)
public class RealmStaffDirectory implements StaffDirectory {

    private final StaffAccounts staff;

    @Activate
    public RealmStaffDirectory(@Reference StaffAccounts staff) {
        this.staff = staff;
    }

    @Override
    public Optional<List<String>> holders(OfficeCode office, String role) {
        return staff.accounts().map(accounts -> holders(accounts.usersWithRoles(), office, role));
    }

    static List<String> holders(Map<String, List<String>> usersWithRoles, OfficeCode office, String role) {
        String officeRole = Role.OFFICE_PREFIX + office.value();
        return usersWithRoles.entrySet().stream()
                .filter(user -> user.getValue().contains(officeRole) && user.getValue().contains(role))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
