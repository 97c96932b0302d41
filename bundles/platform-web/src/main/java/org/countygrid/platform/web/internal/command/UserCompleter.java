package org.countygrid.platform.web.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.api.security.SubjectCaller;
import org.countygrid.platform.web.internal.admin.StaffAccounts;

/** The logins of the user file of the shell user's office: its staff, tens to a few hundred names. */
@Service
public class UserCompleter implements Completer {

    @Reference
    StaffAccounts staff;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter users = new StringsCompleter();
        try {
            java.util.Optional<String> office = sessionOffice();
            staff.accounts().ifPresent(accounts -> accounts.usersWithRoles().forEach((name, roles) -> {
                // the logins of the admin's own office: the staff: commands refuse another office's anyway
                if (office.isEmpty() || roles.contains(Role.OFFICE_PREFIX + office.get())) {
                    users.getStrings().add(name);
                }
            }));
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return users.complete(session, commandLine, candidates);
    }

    /** The office of the shell session's user, when the session runs as one (Karaf runs it inside the JAAS subject). */
    @SuppressWarnings("removal")
    private static java.util.Optional<String> sessionOffice() {
        try {
            return java.util.Optional.of(SubjectCaller.from(javax.security.auth.Subject.getSubject(
                    java.security.AccessController.getContext())).office().value());
        } catch (RuntimeException noUser) {
            return java.util.Optional.empty();
        }
    }
}
