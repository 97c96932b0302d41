package org.countygrid.platform.web.internal.admin;

import java.util.List;
import java.util.Map;

/** The user file of the login realm, as far as the first start and the {@code staff:} commands need it. */
public interface UserAccounts {

    boolean hasUsers();

    /** True when passwords are stored as hashes ({@code {CRYPT}...{CRYPT}}), never as clear text. */
    boolean hashesPasswords();

    /** Every user with its roles (the office as {@code office.<code>} among them), in the file's order. */
    Map<String, List<String>> usersWithRoles();

    /** Adds the user; makes sure it stays in the file in the background, so that a start is not held up. */
    void add(String user, String password, List<String> roles);

    /** What {@link #addIfAbsent} did. */
    enum Added {
        ADDED, EXISTS, UNSETTLED
    }

    /**
     * Adds the user unless it exists, one writer of the file at a time, and returns once the file has shown it with
     * all its roles ({@code UNSETTLED} when it never did).
     */
    Added addIfAbsent(String user, String password, List<String> roles);

    /** What {@link #removeIfPresent} did. */
    enum Removed {
        REMOVED, ABSENT, LAST_HOLDER, UNSETTLED
    }

    /**
     * Removes the user, one writer of the file at a time, and returns once the file has shown it gone; refuses
     * ({@code LAST_HOLDER}, nothing changed) when the user is the only one with {@code keptRole}. The check and the
     * removal are one step, so two admins removing each other at the same moment cannot leave the node without one.
     */
    Removed removeIfPresent(String user, String keptRole);

    /** What {@link #changePassword} did. */
    enum Changed {
        CHANGED, ABSENT, UNSETTLED
    }

    /**
     * Gives an existing user a new password, keeping its roles, one writer of the file at a time, and returns once the
     * realm takes the new password ({@code UNSETTLED} when it never did).
     */
    Changed changePassword(String user, String password);
}
