package org.countygrid.platform.web.internal.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        } else if (name != null && name.length() > 2 && password.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            errors.add(new ValidationException.FieldError("password", "must not contain the user name"));
        } else if (kinds(password) < 3) {
            errors.add(new ValidationException.FieldError("password", MIX));
        } else if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            errors.add(new ValidationException.FieldError("password", "is one of the passwords tried first by anyone guessing"));
        }
    }

    /**
     * The complexity GB/T 22239 (等保) asks of passwords, as Windows' rule words it: three of the four kinds of
     * character, and not the user's name inside (names of three characters or more).
     */
    public static final String MIX = "must mix at least three of: capital letters, small letters, digits, other characters";

    /** How many of capital letters, small letters, digits and other characters the password has. */
    static int kinds(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /**
     * Passwords that pass the rule above and are still among the first a guesser tries (lists of leaked passwords,
     * in China's own habits too: Admin@123, 1qaz@WSX, Huawei@123), compared ignoring case.
     */
    static final Set<String> COMMON = Set.of("p@ssw0rd", "p@ssword", "passw0rd!", "password1!", "password@123",
            "p@ssw0rd123", "p@55w0rd", "admin@123", "admin123!", "admin@1234", "admin#123", "admin@2025", "admin@2026",
            "abc@1234", "abc@123456", "abcd@1234", "abc123!@#", "qwer@1234", "qwe@1234", "qwe123!@#", "1qaz@wsx",
            "1qaz!qaz", "1qaz2wsx!", "1qaz2wsx#edc", "zaq1@wsx", "zaq!2wsx", "root@123", "root@1234", "test@123",
            "test@1234", "huawei@123", "huawei12#$", "welcome1!", "welcome@123", "changeme!1", "a123456!", "aa123456!",
            "woaini@1314", "admin@888", "sgcc@123", "sgcc@1234", "countygrid@1", "countygrid1!");

    /** The JAAS roles as stored: the roles, then the office. */
    public List<String> jaasRoles() {
        List<String> all = new ArrayList<>(roles);
        all.add(Role.OFFICE_PREFIX + office.value());
        return all;
    }
}
