package org.countygrid.platform.api.security;

import java.util.Set;

/** The roles of DESIGN.md. Users hold them as Karaf JAAS roles; their office as the role {@code office.<code>}. */
public final class Role {

    /** County IT: installs features, manages users and configuration. */
    public static final String ADMIN = "admin";
    /** Counter and back office. */
    public static final String OPERATOR = "operator";
    /** Handles money. */
    public static final String CASHIER = "cashier";
    /** Meter and repair crews on the mobile API. */
    public static final String FIELD = "field";
    public static final String DISPATCHER = "dispatcher";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";

    public static final Set<String> ALL = Set.of(ADMIN, OPERATOR, CASHIER, FIELD, DISPATCHER, AUDITOR);

    /** Prefix of the JAAS role that names a user's office, e.g. {@code office.QS}. */
    public static final String OFFICE_PREFIX = "office.";

    private Role() {
    }
}
