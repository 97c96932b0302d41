package org.countygrid.platform.web.internal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users through Karaf's JAAS backing engine (what {@code jaas:useradd} uses): it hashes the password with the
 * realm's encryption settings before anything reaches etc/users.properties.
 *
 * <p>The engine rewrites the whole file for the user and again for each role, and Karaf's realm watches the file
 * and rewrites it too (its automatic password encryption). At a first start both happen within milliseconds, and
 * in testing a stale rewrite once left the new user without roles and a bogus user named after the roles. So after
 * adding, the file is read back through a fresh engine until it shows the user with all its roles twice in a row;
 * what is missing is added again, and users whose names cannot be real (they contain the file's role separator)
 * are removed. The realm must also not reject the user's password as wrong: once in CI (2026-11-27) the file ended
 * up with the first admin and all its roles but a hash that no longer matched (which writer replaced it was not
 * established), and every login failed; the password is then set again (a login that fails for another reason,
 * such as the encryption service not being there yet, is no verdict on it). For the first user the reading back
 * runs on its own thread ({@code checks}), so that it does not hold up the start; {@code staff:user-add} waits for
 * it ({@link #addIfAbsent}). {@code jaas:user-add} followed by {@code jaas:update} has no such check and lost users
 * and roles in testing.
 */
public final class BackingEngineAccounts implements UserAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(BackingEngineAccounts.class);

    /** One writer of the user file at a time in this JVM (the first start and the staff commands). */
    private static final Object WRITERS = new Object();

    /** How often the file is read back, and the pause before each read. */
    static final int MAX_CHECKS = 20;

    /** How the file is changed: an engine to change it with, saved as one step ({@link AtomicUserFile}). */
    interface Writes {
        void apply(Consumer<BackingEngine> change);
    }

    private final Supplier<BackingEngine> engines;
    private final Writes writes;
    private final boolean encryptionEnabled;
    private final long pauseMillis;
    private final Executor checks;
    private final BiPredicate<String, String> rejects;

    /**
     * {@code engines} builds an engine that reads the file afresh each time; {@code rejects} tells whether the realm
     * turns a user and password down as wrong (not: cannot check them now).
     */
    public BackingEngineAccounts(Supplier<BackingEngine> engines, Writes writes, boolean encryptionEnabled,
            BiPredicate<String, String> rejects) {
        this(engines, writes, encryptionEnabled, 300, work -> {
            Thread thread = new Thread(work, "countygrid-first-user-check");
            thread.setDaemon(true);
            thread.start();
        }, rejects);
    }

    /** Writing through the engines themselves (tests whose engines are files in memory). */
    BackingEngineAccounts(Supplier<BackingEngine> engines, boolean encryptionEnabled, long pauseMillis, Executor checks,
            BiPredicate<String, String> rejects) {
        this(engines, change -> change.accept(engines.get()), encryptionEnabled, pauseMillis, checks, rejects);
    }

    BackingEngineAccounts(Supplier<BackingEngine> engines, Writes writes, boolean encryptionEnabled, long pauseMillis,
            Executor checks, BiPredicate<String, String> rejects) {
        this.engines = engines;
        this.writes = writes;
        this.encryptionEnabled = encryptionEnabled;
        this.pauseMillis = pauseMillis;
        this.checks = checks;
        this.rejects = rejects;
    }

    @Override
    public boolean hasUsers() {
        List<UserPrincipal> users = engines.get().listUsers();
        return users != null && !users.isEmpty();
    }

    @Override
    public boolean hashesPasswords() {
        return encryptionEnabled;
    }

    @Override
    public Map<String, List<String>> usersWithRoles() {
        BackingEngine engine = engines.get();
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (UserPrincipal user : engine.listUsers()) {
            users.put(user.getName(), engine.listRoles(user).stream().map(RolePrincipal::getName).toList());
        }
        return users;
    }

    @Override
    public void add(String user, String password, List<String> roles) {
        synchronized (WRITERS) {
            write(user, password, roles);
        }
        checks.execute(() -> settle(user, password, roles));
    }

    @Override
    public Added addIfAbsent(String user, String password, List<String> roles) {
        // check and write as one: Karaf's engine silently replaces the password of a user that exists
        synchronized (WRITERS) {
            // a name that differs only in case is the same login to the lockout and to people reading a worker list
            if (engines.get().listUsers().stream().anyMatch(u -> u.getName().equalsIgnoreCase(user))) {
                return Added.EXISTS;
            }
            write(user, password, roles);
            return settle(user, password, roles) ? Added.ADDED : Added.UNSETTLED;
        }
    }

    private void write(String user, String password, List<String> roles) {
        writes.apply(engine -> {
            engine.addUser(user, password);
            for (String role : roles) {
                engine.addRole(user, role);
            }
        });
    }

    /** Reads the file back until it shows the user with its roles twice in a row; false when it never does. */
    boolean settle(String user, String password, List<String> roles) {
        return settle("the new user '" + user + "' with its roles " + roles,
                () -> repairing(user, password, roles));
    }

    /** {@link #repair} on the file, its changes saved as one step. */
    private List<String> repairing(String user, String password, List<String> roles) {
        List<String> done = new ArrayList<>();
        writes.apply(engine -> done.addAll(repair(engine, user, password, roles, rejects)));
        return done;
    }

    @Override
    public Removed removeIfPresent(String user, String keptRole) {
        synchronized (WRITERS) {
            BackingEngine engine = engines.get();
            UserPrincipal principal = engine.lookupUser(user);
            if (principal == null) {
                return Removed.ABSENT;
            }
            if (holds(engine, principal, keptRole) && engine.listUsers().stream().filter(u -> holds(engine, u, keptRole)).count() <= 1) {
                return Removed.LAST_HOLDER;
            }
            writes.apply(e -> e.deleteUser(user));
            boolean settled = settle("the removal of the user '" + user + "'", () -> {
                if (engines.get().lookupUser(user) == null) {
                    return List.of();
                }
                writes.apply(e -> e.deleteUser(user));
                return List.of("removed the user again");
            });
            return settled ? Removed.REMOVED : Removed.UNSETTLED;
        }
    }

    @Override
    public Changed changePassword(String user, String password) {
        synchronized (WRITERS) {
            BackingEngine engine = engines.get();
            UserPrincipal principal = engine.lookupUser(user);
            if (principal == null) {
                return Changed.ABSENT;
            }
            List<String> roles = engine.listRoles(principal).stream().map(RolePrincipal::getName).toList();
            writes.apply(e -> e.addUser(user, password)); // Karaf's engine replaces the password, roles kept
            boolean settled = settle("the new password of the user '" + user + "'", () -> repairing(user, password, roles));
            return settled ? Changed.CHANGED : Changed.UNSETTLED;
        }
    }

    private static boolean holds(BackingEngine engine, UserPrincipal user, String role) {
        return engine.listRoles(user).stream().anyMatch(r -> r.getName().equals(role));
    }

    /**
     * Reads the file back (each time through {@code repairs}, which puts right what a stale rewrite undid) until
     * nothing was to be put right twice in a row; false when that never happens.
     */
    private boolean settle(String change, Supplier<List<String>> repairs) {
        int stable = 0;
        for (int check = 1; check <= MAX_CHECKS && stable < 2; check++) {
            if (!pause()) {
                return false;
            }
            List<String> done;
            synchronized (WRITERS) {
                done = repairs.get();
            }
            if (done.isEmpty()) {
                stable++;
            } else {
                stable = 0;
                LOG.warn("The user file changed under {}; repaired: {}", change, done);
            }
        }
        if (stable < 2) {
            LOG.error("{} could not be stored: etc/users.properties keeps changing", change);
            return false;
        }
        return true;
    }

    /**
     * What had to be put right, or nothing when the file holds the user with its roles, the realm does not reject
     * its password, and no bogus user is there.
     */
    static List<String> repair(BackingEngine engine, String user, String password, List<String> roles,
            BiPredicate<String, String> rejects) {
        List<String> done = new ArrayList<>();
        for (UserPrincipal other : engine.listUsers()) {
            if (other.getName().contains(",")) {
                engine.deleteUser(other.getName());
                done.add("removed bogus user '" + other.getName() + "'");
            }
        }
        UserPrincipal principal = engine.lookupUser(user);
        if (principal == null) {
            engine.addUser(user, password);
            done.add("added the user again");
            principal = new UserPrincipal(user);
        }
        Set<String> has = engine.listRoles(principal).stream().map(RolePrincipal::getName).collect(Collectors.toSet());
        for (String role : roles) {
            if (!has.contains(role)) {
                engine.addRole(user, role);
                done.add("added role " + role);
            }
        }
        if (done.isEmpty() && rejects.test(user, password)) {
            engine.addUser(user, password); // the engine keeps the user's roles
            done.add("set the password again: the realm rejected it");
        }
        return done;
    }

    private boolean pause() {
        try {
            Thread.sleep(pauseMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
