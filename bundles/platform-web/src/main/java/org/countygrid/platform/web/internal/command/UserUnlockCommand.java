package org.countygrid.platform.web.internal.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.UserAccounts;
import org.countygrid.platform.web.internal.rest.LoginRecords;

@Service
@Command(scope = "staff", name = "user-unlock", description = "Lets a login name that too many wrong passwords locked "
        + "log in again at once (staff:login-locks lists them)")
public class UserUnlockCommand extends StaffCommand {

    @Reference
    LoginRecords logins;

    @Argument(index = 0, name = "user", description = "the locked login name", required = true)
    @Completion(UserCompleter.class)
    String user;

    @Override
    void run(PrintStream out, StaffAccounts staff) throws CommandException {
        UserAccounts accounts = accounts(staff);
        requireOwnLogin(accounts, user);
        boolean aLogin = !officesOf(accounts, user).isEmpty();
        if (!logins.lockout().unlock(user)) {
            if (!aLogin) {
                // the words for another office's login, whose existence must not show (a guessed name's lock, which
                // staff:login-locks lists, is lifted above)
                throw noSuchUser(user);
            }
            throw error("'" + user + "' is not locked; nothing changed");
        }
        out.println("Unlocked " + user + " on this node");
    }
}
