package org.countygrid.platform.integration.internal.command;

import java.security.AccessController;

import javax.security.auth.Subject;

import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.SubjectCaller;

/** The logged-in user of the shell session: Karaf runs each command inside the session's JAAS subject. */
final class ShellCaller {

    private ShellCaller() {
    }

    @SuppressWarnings("removal")
    static Caller require(String... roles) {
        Caller caller = SubjectCaller.from(Subject.getSubject(AccessController.getContext()));
        caller.requireAnyRole(roles);
        return caller;
    }

    /** A refusal as the shell prints it: one line "Error: …", no stack trace. */
    static CommandException refused(String message) {
        return new CommandException("Error: " + message, message);
    }
}
