package org.countygrid.platform.api.security;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;

/** Builds a {@link Caller} from a JAAS subject (a shell session or a REST login) of the Karaf realm. */
public final class SubjectCaller {

    private SubjectCaller() {
    }

    public static Caller from(Subject subject) {
        if (subject == null) {
            throw new Problem(401, "Unauthorized", "no logged-in user");
        }
        String user = null;
        Set<OfficeCode> offices = new HashSet<>();
        Set<String> misspelt = new java.util.TreeSet<>();
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals()) {
            String kind = p.getClass().getSimpleName();
            if ("UserPrincipal".equals(kind)) {
                user = p.getName();
            } else if ("RolePrincipal".equals(kind)) {
                if (p.getName().startsWith(Role.OFFICE_PREFIX)) {
                    try {
                        offices.add(OfficeCode.of(p.getName().substring(Role.OFFICE_PREFIX.length())));
                    } catch (ValidationException notACode) {
                        misspelt.add(p.getName());
                    }
                } else {
                    roles.add(p.getName());
                }
            }
        }
        if (user == null) {
            throw new Problem(401, "Unauthorized", "no logged-in user");
        }
        if (!misspelt.isEmpty()) {
            // the realm's data, not the request: a 403 like a missing office, never a 400 on a field nobody sent
            throw Problem.forbidden("user " + user + " has the role " + String.join(", ", misspelt) + ", which names no"
                    + " office (a code of 2-12 upper-case letters or digits); an administrator must correct it");
        }
        if (offices.isEmpty()) {
            throw Problem.forbidden("user " + user + " belongs to no office; give it the role " + Role.OFFICE_PREFIX + "<code>");
        }
        if (offices.size() > 1) {
            // a user works for one office; which of two would be a coin toss, so neither is chosen
            throw Problem.forbidden("user " + user + " belongs to more than one office; an administrator must remove all but one of its "
                    + Role.OFFICE_PREFIX + "<code> roles");
        }
        return new Caller(user, offices.iterator().next(), roles);
    }
}
