package org.countygrid.platform.api.security;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;

/** Builds a {@link Caller} from a JAAS subject (a shell session or a REST login) of the Karaf realm. */
public final class SubjectCaller {

    private SubjectCaller() {
    }

    public static Caller from(Subject subject) {
        if (subject == null) {
            throw new Problem(401, "Unauthorized", "no logged-in user");
        }
        String user = null;
        OfficeCode office = null;
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals()) {
            String kind = p.getClass().getSimpleName();
            if ("UserPrincipal".equals(kind)) {
                user = p.getName();
            } else if ("RolePrincipal".equals(kind)) {
                if (p.getName().startsWith(Role.OFFICE_PREFIX)) {
                    office = OfficeCode.of(p.getName().substring(Role.OFFICE_PREFIX.length()));
                } else {
                    roles.add(p.getName());
                }
            }
        }
        if (user == null) {
            throw new Problem(401, "Unauthorized", "no logged-in user");
        }
        if (office == null) {
            throw Problem.forbidden("user " + user + " belongs to no office; give it the role " + Role.OFFICE_PREFIX + "<code>");
        }
        return new Caller(user, office, roles);
    }
}
