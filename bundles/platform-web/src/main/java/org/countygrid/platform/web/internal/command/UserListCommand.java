package org.countygrid.platform.web.internal.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.api.shell.TextTable;
import org.countygrid.platform.web.internal.admin.StaffAccounts;

@Service
@Command(scope = "staff", name = "user-list", description = "Lists the logins of your office with their roles (never passwords)")
public class UserListCommand extends StaffCommand {

    @Override
    void run(PrintStream out, StaffAccounts staff) throws CommandException {
        TextTable table = new TextTable().emptyTableText("no users");
        table.column("User");
        table.column("Office");
        table.column("Roles");
        for (Map.Entry<String, List<String>> user : accounts(staff).usersWithRoles().entrySet()) {
            String userOffice = user.getValue().stream().filter(r -> r.startsWith(Role.OFFICE_PREFIX))
                    .map(r -> r.substring(Role.OFFICE_PREFIX.length())).findFirst().orElse("");
            if (caller.office().value().equals(userOffice)) {
                table.addRow().addContent(user.getKey(), userOffice, String.join(", ",
                        user.getValue().stream().filter(r -> !r.startsWith(Role.OFFICE_PREFIX)).toList()));
            }
        }
        table.print(out);
    }
}
