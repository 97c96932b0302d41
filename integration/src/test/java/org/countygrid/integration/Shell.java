package org.countygrid.integration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs a shell command inside the container as a given user with given roles, as an SSH session would. */
final class Shell {

    record Result(String output, Exception failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private final SessionFactory sessions;

    Shell(SessionFactory sessions) {
        this.sessions = sessions;
    }

    Result run(String user, String command, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
                Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
                try {
                    return session.execute(command);
                } finally {
                    session.close();
                }
            });
            return new Result(bytes.toString(StandardCharsets.UTF_8), null);
        } catch (Exception e) {
            Exception cause = e instanceof java.security.PrivilegedActionException p ? p.getException() : e;
            return new Result(bytes.toString(StandardCharsets.UTF_8), cause);
        }
    }
}
