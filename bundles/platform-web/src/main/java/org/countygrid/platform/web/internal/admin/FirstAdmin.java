package org.countygrid.platform.web.internal.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Role;

/**
 * The first start of a node: with no user at all, create {@code admin} (roles admin and the node's office)
 * so that somebody can log in. Its password is the one given in COUNTYGRID_ADMIN_PASSWORD, or a random one
 * written to a file only the owner can read. There is never a built-in password.
 */
public final class FirstAdmin {

    public static final String USER = "admin";
    public static final String PASSWORD_VARIABLE = "COUNTYGRID_ADMIN_PASSWORD";
    static final String SSH_ROLE = "ssh";
    public static final String PASSWORD_FILE = "admin-password";
    static final int GENERATED_LENGTH = 20;

    /** No 0/O, 1/l/I: the password is typed from a file by a person. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public enum Source { NONE, ENVIRONMENT, FILE }

    /**
     * What the first start did: NONE when users existed; {@code passwordFile} is set for FILE, and {@code refused} says
     * why the password given in {@link #PASSWORD_VARIABLE} was not used, when one was given.
     */
    public record Outcome(Source source, Path passwordFile, String refused) {

        Outcome(Source source, Path passwordFile) {
            this(source, passwordFile, null);
        }
    }

    private final UserAccounts accounts;
    private final Optional<String> givenPassword;
    private final Path dataDir;
    private final SecureRandom random;

    public FirstAdmin(UserAccounts accounts, Optional<String> givenPassword, Path dataDir, SecureRandom random) {
        this.accounts = accounts;
        this.givenPassword = givenPassword.filter(p -> !p.isEmpty());
        this.dataDir = dataDir;
        this.random = random;
    }

    public Outcome ensureAdmin(OfficeCode office) {
        if (accounts.hasUsers()) {
            return new Outcome(Source.NONE, null);
        }
        if (!accounts.hashesPasswords()) {
            throw new IllegalStateException("password encryption of the JAAS realm is off; set encryption.enabled = true in "
                    + "etc/org.apache.karaf.jaas.cfg (a clear-text password is never written)");
        }
        // "ssh" is Karaf's role for opening a shell over SSH (sshRole in etc/org.apache.karaf.shell.cfg)
        List<String> roles = List.of(Role.ADMIN, SSH_ROLE, Role.OFFICE_PREFIX + office.value());
        String refused = null;
        if (givenPassword.isPresent()) {
            String password = givenPassword.get();
            if (password.startsWith("{CRYPT}")) {
                refused = PASSWORD_VARIABLE + " must hold the password itself, not a hash";
            } else {
                try {
                    // the same rule as staff:user-add: "admin"/"admin" over HTTP Basic would open the node to the network
                    StaffUser.checkPassword(USER, password);
                    accounts.add(USER, password, roles);
                    return new Outcome(Source.ENVIRONMENT, null);
                } catch (ValidationException e) {
                    refused = PASSWORD_VARIABLE + " is too weak: " + e.getMessage();
                }
            }
            // not that password, but not a node nobody can log in to either (a probe's node said UP with no user):
            // the random one below, in the file
        }
        String password = generate();
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            // the file first: a user whose password was lost would lock the node out for good
            AdminPasswordFile.write(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        accounts.add(USER, password, roles);
        return new Outcome(Source.FILE, file, refused);
    }

    String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
