package org.countygrid.platform.web.internal.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.StaffUser;
import org.countygrid.platform.web.internal.admin.UserAccounts;

@Service
@Command(scope = "staff", name = "user-add", description = "Adds a staff login with its office and roles, and returns once it is stored "
        + "(roles: admin operator cashier field dispatcher auditor, and ssh for the shell)")
public class UserAddCommand extends StaffCommand {

    @Argument(index = 0, name = "user", description = "login name: letters, digits, '_', '.', '-'", required = true)
    String user;

    /** Censored: Karaf writes command lines to the shell history, which other shell users can read. */
    @Argument(index = 1, name = "password", description = "at least 8 characters; stored as a salted digest", required = true,
            censor = true)
    String password;

    @Argument(index = 2, name = "office", description = "the office code, e.g. QS", required = true)
    @Completion(OfficeCompleter.class)
    String office;

    @Argument(index = 3, name = "roles", description = "one or more roles", required = true, multiValued = true)
    @Completion(RoleCompleter.class)
    List<String> roles;

    @Override
    void run(PrintStream out, StaffAccounts staff) throws CommandException {
        StaffUser wanted;
        try {
            wanted = StaffUser.of(user, password, office, roles);
        } catch (ValidationException e) {
            throw error(e.getMessage());
        }
        requireOwnOffice(wanted.office().value(), "the new login");
        Optional<List<String>> known = staff.knownOffices();
        if (known.isPresent() && !known.get().contains(wanted.office().value())) {
            throw error("office " + wanted.office() + " is not known to this database (known: " + String.join(", ", known.get())
                    + "); nothing changed");
        }
        UserAccounts accounts = accounts(staff);
        if (!accounts.hashesPasswords()) {
            throw error("etc/org.apache.karaf.jaas.cfg does not enable password encryption; no password is stored in clear text");
        }
        switch (offTheSessionThread(() -> accounts.addIfAbsent(wanted.name(), wanted.password(), wanted.jaasRoles()))) {
            case EXISTS -> throw error("the user '" + wanted.name() + "' exists already (names are compared ignoring case); nothing changed");
            case UNSETTLED -> throw error("etc/users.properties kept changing while '" + wanted.name()
                    + "' was added; check it with staff:user-list");
            case ADDED -> { }
        }
        out.println("Added " + wanted.name() + " of office " + wanted.office() + " with the roles " + String.join(", ", wanted.roles()));
    }
}
