package org.countygrid.customers.internal.command;

import java.security.AccessController;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.customers.CustomerService;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.SubjectCaller;

/**
 * What every customers command shares: the service, the caller taken from the shell session's JAAS subject
 * (so shell users get exactly the rights they have over REST), and one-line errors instead of stack traces: a
 * refusal is thrown as Karaf's {@link CommandException} with {@code Error: <reason>} as its text, which Karaf prints
 * as it is (on the session's error stream, also to {@code bin/client}) and which makes {@code bin/client} exit with
 * status 1.
 */
abstract class CustomerCommand implements Action {

    @Reference
    CustomerService customers;

    @Override
    public final Object execute() throws Exception {
        try {
            run(currentCaller());
        } catch (Problem | IllegalArgumentException e) {
            throw new CommandException("Error: " + e.getMessage(), e.getMessage());
        }
        return null;
    }

    abstract void run(Caller caller);

    @SuppressWarnings("removal") // Karaf runs each command inside Subject.doAs of the session; this is how to read it on Java 17
    static Caller currentCaller() {
        return SubjectCaller.from(Subject.getSubject(AccessController.getContext()));
    }
}
