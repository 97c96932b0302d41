package org.countygrid.platform.web.internal.admin;

import java.util.List;

/** The user file of the login realm, as far as the first start needs it. */
public interface UserAccounts {

    boolean hasUsers();

    /** True when passwords are stored as hashes ({@code {CRYPT}...{CRYPT}}), never as clear text. */
    boolean hashesPasswords();

    void add(String user, String password, List<String> roles);
}
