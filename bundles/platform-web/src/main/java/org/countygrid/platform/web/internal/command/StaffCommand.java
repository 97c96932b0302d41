package org.countygrid.platform.web.internal.command;

import java.io.PrintStream;
import java.security.AccessController;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.api.security.SubjectCaller;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.UserAccounts;

/** What the {@code staff:} commands share: admins only, and the realm's user file. */
abstract class StaffCommand implements Action {

    @Reference
    StaffAccounts staff;

    /** The admin running the command. */
    Caller caller;

    @Override
    public final Object execute() throws CommandException {
        caller = requireAdmin();
        // Karaf gives each session its own System.out; read it now, on the session's thread
        PrintStream out = System.out;
        run(out, staff);
        return null;
    }

    abstract void run(PrintStream out, StaffAccounts staff) throws CommandException;

    @SuppressWarnings("removal")
    static Caller requireAdmin() throws CommandException {
        try {
            Caller admin = SubjectCaller.from(Subject.getSubject(AccessController.getContext()));
            admin.requireAnyRole(Role.ADMIN);
            return admin;
        } catch (Problem e) {
            throw error(e.getMessage());
        }
    }

    /**
     * The offices of the logins spelt like {@code user} in any case ({@code office.<code>} among their roles): a lock
     * is kept per name in any case, so lifting one must be allowed for every login it stands for. Empty for a name
     * that is nobody's login; {@code ""} for a login without an office.
     */
    static java.util.Set<String> officesOf(UserAccounts accounts, String user) {
        java.util.Set<String> offices = new java.util.TreeSet<>();
        accounts.usersWithRoles().forEach((name, roles) -> {
            if (name.equalsIgnoreCase(user == null ? "" : user.strip())) {
                offices.add(roles.stream().filter(r -> r.startsWith(Role.OFFICE_PREFIX))
                        .map(r -> r.substring(Role.OFFICE_PREFIX.length())).findFirst().orElse(""));
            }
        });
        return offices;
    }

    /**
     * Refuses unless every login spelt like {@code user} belongs to the admin's office (or has none), in the words of
     * a login that does not exist: telling another office's admin "belongs to office QS" would confirm that the login
     * exists, and where.
     */
    void requireOwnLogin(UserAccounts accounts, String user) throws CommandException {
        for (String office : officesOf(accounts, user)) {
            if (!office.isEmpty() && !office.equals(caller.office().value())) {
                throw noSuchUser(user);
            }
        }
    }

    CommandException noSuchUser(String user) {
        return error("there is no user '" + user + "' in office " + caller.office().value() + "; nothing changed");
    }

    /**
     * An admin manages the logins of their own office only: one who could add or change another office's logins could
     * log in as that office and see its data. Another office's first admin is added on its own node, or in
     * etc/users.properties by whoever runs the node.
     */
    void requireOwnOffice(String office, String what) throws CommandException {
        if (office != null && !office.equals(caller.office().value())) {
            throw error(what + " belongs to office " + office + "; you manage the logins of office "
                    + caller.office().value() + " only");
        }
    }

    static UserAccounts accounts(StaffAccounts staff) throws CommandException {
        return staff.accounts().orElseThrow(() -> error("the login realm 'karaf' has no user file this node can edit"));
    }

    static CommandException error(String message) {
        return new CommandException("Error: " + message, message);
    }

    /**
     * Runs the write on a thread of its own: Karaf names a session's thread after the command line, password
     * included, and every log line written on it (a repaired user file, say) would carry it into data/log.
     */
    static <T> T offTheSessionThread(Callable<T> write) throws CommandException {
        FutureTask<T> task = new FutureTask<>(write);
        Thread thread = new Thread(task, "countygrid-staff-user-file");
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error("interrupted; check etc/users.properties with staff:user-list");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
