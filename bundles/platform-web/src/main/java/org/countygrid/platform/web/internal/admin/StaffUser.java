package org.countygrid.platform.web.internal.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Role;

/**
 * A staff login as an admin creates it: name, password, office and roles, all checked before anything is
 * written. Its JAAS roles are the CountyGrid roles, {@code ssh} when the user may open the shell, and the
 * office as {@code office.<code>}.
 */
public record StaffUser(String name, String password, OfficeCode office, List<String> roles) {

    /** Letters, digits and {@code _ . -}: no separator of etc/users.properties (comma, equals, colon, blank). */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** Karaf's role for logging in to the shell over SSH. */
    public static final String SSH = "ssh";

    public StaffUser {
        roles = List.copyOf(roles);
    }

    /** Checks every field and reports all that are wrong at once; {@code roles} as typed, in any order. */
    public static StaffUser of(String name, String password, String office, List<String> roles) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new ValidationException.FieldError("user",
                    "1-64 letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }
        checkPassword(errors, name, password);
        OfficeCode code = null;
        try {
            code = OfficeCode.of(office);
        } catch (ValidationException e) {
            // in our words, without the value: a password typed in the wrong place must not be echoed
            errors.add(new ValidationException.FieldError("office", "2-12 upper-case letters or digits, e.g. QS"));
        }
        Set<String> wanted = new LinkedHashSet<>(roles == null ? List.of() : roles);
        List<String> unknown = wanted.stream().filter(r -> !Role.ALL.contains(r) && !SSH.equals(r)).toList();
        if (!unknown.isEmpty()) {
            errors.add(new ValidationException.FieldError("roles", "unknown " + String.join(", ", unknown)
                    + "; one or more of " + String.join(" ", Role.ALL.stream().sorted().toList()) + " (and " + SSH + ")"));
        } else if (wanted.stream().noneMatch(Role.ALL::contains)) {
            errors.add(new ValidationException.FieldError("roles",
                    "at least one of " + String.join(" ", Role.ALL.stream().sorted().toList())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new StaffUser(name, password, code, List.copyOf(wanted));
    }

    /** The password rule of {@link #of}, alone: for a new password of an existing user. */
    public static void checkPassword(String name, String password) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        checkPassword(errors, name, password);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkPassword(List<ValidationException.FieldError> errors, String name, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new ValidationException.FieldError("password", "at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.isBlank() || password.equalsIgnoreCase(name)) {
            errors.add(new ValidationException.FieldError("password", "must not be blank or the user name"));
        } else if (password.chars().anyMatch(c -> c == ',' || Character.isISOControl(c))) {
            errors.add(new ValidationException.FieldError("password", "must not contain ',' or control characters"));
        }
    }

    /** The JAAS roles as stored: the roles, then the office. */
    public List<String> jaasRoles() {
        List<String> all = new ArrayList<>(roles);
        all.add(Role.OFFICE_PREFIX + office.value());
        return all;
    }
}
