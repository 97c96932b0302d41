package org.countygrid.platform.web.internal.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.UserAccounts;

@Service
@Command(scope = "staff", name = "user-remove", description = "Removes a staff login (someone who left), and returns once it is gone "
        + "from etc/users.properties; never your own login or the last admin")
public class UserRemoveCommand extends StaffCommand {

    @Argument(index = 0, name = "user", description = "the login to remove", required = true)
    @Completion(UserCompleter.class)
    String user;

    @Override
    void run(PrintStream out, StaffAccounts staff) throws CommandException {
        UserAccounts accounts = accounts(staff);
        requireOwnLogin(accounts, user);
        if (user.equals(caller.user())) {
            throw error("you cannot remove your own login; another admin can");
        }
        // whether the user exists and whether it is the last admin are checked with the removal, as one step
        switch (accounts.removeIfPresent(user, Role.ADMIN)) {
            case ABSENT -> throw noSuchUser(user);
            case LAST_HOLDER -> throw error("'" + user + "' is the last admin; add another admin first");
            case UNSETTLED -> throw error("etc/users.properties kept changing while '" + user
                    + "' was removed; check it with staff:user-list");
            case REMOVED -> out.println("Removed " + user);
        }
    }
}
