package org.countygrid.customers;

/**
 * The new state of an account's changeable fields (all of them, as in a form); the number never changes. A
 * missing {@code importantClass} means {@link ImportantUserClass#NONE}.
 */
public record AccountChange(String name, String address, String phone, Category category,
        VoltageLevel voltageLevel, ImportantUserClass importantClass, String areaCode) {

    /** Starts a change from the account as it is, so a caller can replace a single field. */
    public static AccountChange of(AccountView account) {
        return new AccountChange(account.name(), account.address(), account.phone(), account.category(),
                account.voltageLevel(), account.importantClass(), account.areaCode());
    }
}
