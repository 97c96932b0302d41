package org.countygrid.platform.web.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.web.internal.admin.StaffUser;

/** The CountyGrid roles, and {@code ssh}. */
@Service
public class RoleCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter roles = new StringsCompleter();
        Role.ALL.stream().sorted().forEach(roles.getStrings()::add);
        roles.getStrings().add(StaffUser.SSH);
        return roles.complete(session, commandLine, candidates);
    }
}
