package org.countygrid.platform.web.internal.command;

import java.io.PrintStream;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.StaffUser;
import org.countygrid.platform.web.internal.admin.UserAccounts;
import org.countygrid.platform.web.internal.rest.LoginRecords;

@Service
@Command(scope = "staff", name = "user-password", description = "Gives a staff login a new password (someone who forgot "
        + "it), keeping its office and roles; lifts its lock and ends its console sessions on this node")
public class UserPasswordCommand extends StaffCommand {

    @Reference
    LoginRecords logins;

    @Argument(index = 0, name = "user", description = "the login", required = true)
    @Completion(UserCompleter.class)
    String user;

    /** Censored: Karaf writes command lines to the shell history. */
    @Argument(index = 1, name = "password", description = "the new password: at least 8 characters, not the user name",
            required = true, censor = true)
    String password;

    @Override
    void run(PrintStream out, StaffAccounts staff) throws CommandException {
        try {
            StaffUser.checkPassword(user, password);
        } catch (ValidationException e) {
            throw error(e.getMessage());
        }
        UserAccounts accounts = accounts(staff);
        requireOwnLogin(accounts, user);
        if (!accounts.hashesPasswords()) {
            throw error("etc/org.apache.karaf.jaas.cfg does not enable password encryption; no password is stored in clear text");
        }
        UserAccounts.Changed changed = offTheSessionThread(() -> accounts.changePassword(user, password));
        if (changed == UserAccounts.Changed.ABSENT) {
            throw noSuchUser(user);
        }
        // once the realm takes the new password: a session opened until then may have used the old one
        logins.passwordChanged(user, Instant.now());
        logins.lockout().unlock(user);
        if (changed == UserAccounts.Changed.UNSETTLED) {
            throw error("etc/users.properties kept changing while the password of '" + user
                    + "' was set; check that the user can log in with it (its earlier sessions are ended)");
        }
        out.println("New password for " + user + "; its earlier console sessions on this node are ended");
    }
}
