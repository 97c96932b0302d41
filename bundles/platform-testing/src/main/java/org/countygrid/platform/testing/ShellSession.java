package org.countygrid.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.support.CommandException;

/**
 * Runs work as Karaf does for a logged-in shell user — inside {@code Subject.doAs} with the realm's principals —
 * and captures what it prints (Karaf's {@code RepoListCommandTest} captures output the same way).
 */
public final class ShellSession {

    /** What the command printed; {@code failed} when it threw, which makes {@code bin/client} exit with status 1. */
    public record Output(String out, String err, boolean failed) {
    }

    private final Subject subject;

    public ShellSession(String user, String... roles) {
        subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
    }

    @SuppressWarnings("removal")
    public Output run(PrivilegedExceptionAction<?> work) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        boolean failed = false;
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            Subject.doAs(subject, work);
        } catch (PrivilegedActionException e) {
            if (!(e.getCause() instanceof CommandException refused)) {
                throw e.getException();
            }
            // as Karaf's shell prints a CommandException: its text as it is, on the session's error stream
            System.err.println(refused.getNiceHelp());
            failed = true;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Output(outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8), failed);
    }

}
