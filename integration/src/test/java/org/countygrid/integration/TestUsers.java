package org.countygrid.integration;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.ops4j.pax.exam.Option;

/** Users of two offices: QS (the node's own, the demo county) and QT (a neighbouring county on the same node). */
final class TestUsers {

    static final String PASSWORD = "It-Passw0rd!";

    static final String ADMIN = "itadmin";
    static final String OPERATOR_QS = "op_qs";
    static final String OPERATOR_QT = "op_qt";
    /** An admin of another office than the node's (QS). */
    static final String ADMIN_QT = "admin_qt";
    static final String AUDITOR_QS = "aud_qs";
    static final String FIELD_QS = "field_qs";
    /** Of office QS, with no CountyGrid role: every endpoint must refuse it (403), reads included. */
    static final String NOROLE_QS = "norole_qs";
    /** Locked by the test of failed logins; no other test uses it. */
    static final String LOCKED_QS = "lock_qs";

    private TestUsers() {
    }

    static Option option() {
        return composite(
                user(ADMIN, "admin,ssh,office.QS"),
                user(OPERATOR_QS, "operator,office.QS"),
                user(OPERATOR_QT, "operator,office.QT"),
                user(ADMIN_QT, "admin,office.QT"),
                user(AUDITOR_QS, "auditor,office.QS"),
                user(FIELD_QS, "field,office.QS"),
                user(LOCKED_QS, "operator,office.QS"),
                user(NOROLE_QS, "office.QS"));
    }

    private static Option user(String name, String roles) {
        // plain text here; Karaf hashes it on first login (etc/org.apache.karaf.jaas.cfg)
        return editConfigurationFilePut("etc/users.properties", name, PASSWORD + "," + roles);
    }
}
