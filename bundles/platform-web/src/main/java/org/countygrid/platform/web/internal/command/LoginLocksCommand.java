package org.countygrid.platform.web.internal.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.api.OfficeTime;
import org.countygrid.platform.api.shell.TextTable;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.UserAccounts;
import org.countygrid.platform.web.internal.rest.LoginRecords;
import org.countygrid.platform.web.internal.security.LoginLockout;

@Service
@Command(scope = "staff", name = "login-locks", description = "Lists the login names locked on this node after too many "
        + "wrong passwords in a row, and until when")
public class LoginLocksCommand extends StaffCommand {

    @Reference
    LoginRecords logins;

    @Override
    void run(PrintStream out, StaffAccounts staff) throws org.apache.karaf.shell.support.CommandException {
        // the names of this office's logins, and names that are nobody's login (guesses); not another office's staff
        UserAccounts accounts = accounts(staff);
        List<LoginLockout.Lock> locks = logins.lockout().locked().stream()
                .filter(lock -> officesOf(accounts, lock.user()).stream()
                        .allMatch(office -> office.isEmpty() || office.equals(caller.office().value()))).toList();
        if (locks.isEmpty()) {
            out.println("No login name is locked (a name is locked after " + logins.lockout().maxFailures()
                    + " wrong passwords in a row, for " + logins.lockout().lockFor().toMinutes() + " min)");
            return;
        }
        TextTable table = new TextTable();
        table.column("User");
        table.column("Failures");
        table.column(OfficeTime.label("Locked until"));
        for (LoginLockout.Lock lock : locks) {
            table.addRow().addContent(lock.user(), lock.failures(), OfficeTime.format(lock.until()));
        }
        table.print(out);
    }
}
