package org.countygrid.platform.web.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.web.internal.admin.StaffAccounts;

/** The logins of the user file: an office's staff, tens to a few hundred names. */
@Service
public class UserCompleter implements Completer {

    @Reference
    StaffAccounts staff;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter users = new StringsCompleter();
        try {
            staff.accounts().ifPresent(accounts -> users.getStrings().addAll(accounts.usersWithRoles().keySet()));
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return users.complete(session, commandLine, candidates);
    }
}
