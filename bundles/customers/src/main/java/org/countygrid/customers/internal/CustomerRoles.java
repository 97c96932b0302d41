package org.countygrid.customers.internal;

import java.util.Set;

import org.countygrid.platform.api.security.Role;

/**
 * Who may do what with the register. The service enforces these; REST methods repeat them in
 * {@code @RequiresRole} (annotations cannot refer to an array constant), and a test keeps both equal.
 */
public final class CustomerRoles {

    public static final Set<String> READ = Set.of(Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER,
            Role.AUDITOR, Role.ADMIN);
    public static final Set<String> WRITE = Set.of(Role.OPERATOR, Role.ADMIN);
    public static final Set<String> IMPORT = Set.of(Role.ADMIN);

    private CustomerRoles() {
    }

    static String[] array(Set<String> roles) {
        return roles.stream().sorted().toArray(String[]::new);
    }
}
