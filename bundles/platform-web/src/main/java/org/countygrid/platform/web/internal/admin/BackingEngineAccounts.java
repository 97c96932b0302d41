package org.countygrid.platform.web.internal.admin;

import java.util.List;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;

/**
 * Users through Karaf's JAAS backing engine (what {@code jaas:useradd} uses): it hashes the password with the
 * realm's encryption settings before anything reaches etc/users.properties.
 */
public final class BackingEngineAccounts implements UserAccounts {

    private final BackingEngine engine;
    private final boolean encryptionEnabled;

    public BackingEngineAccounts(BackingEngine engine, boolean encryptionEnabled) {
        this.engine = engine;
        this.encryptionEnabled = encryptionEnabled;
    }

    @Override
    public boolean hasUsers() {
        List<UserPrincipal> users = engine.listUsers();
        return users != null && !users.isEmpty();
    }

    @Override
    public boolean hashesPasswords() {
        return encryptionEnabled;
    }

    @Override
    public void add(String user, String password, List<String> roles) {
        engine.addUser(user, password);
        for (String role : roles) {
            engine.addRole(user, role);
        }
    }
}
