package org.countygrid.platform.api;

import java.util.regex.Pattern;

/** A customer account number (户号): ten digits, unique within an office. */
public record AccountNumber(String value) implements Comparable<AccountNumber> {

    private static final Pattern FORMAT = Pattern.compile("\\d{10}");

    public AccountNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("number", "account number must be exactly 10 digits, got: " + value);
        }
    }

    public static AccountNumber of(String value) {
        return new AccountNumber(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(AccountNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
