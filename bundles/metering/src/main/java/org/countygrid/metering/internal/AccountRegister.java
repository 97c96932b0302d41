package org.countygrid.metering.internal;

import org.countygrid.platform.api.security.Caller;

/**
 * Whether an account exists in the caller's office. Implemented over the customers module's API while that
 * module is installed ({@link CustomersAccountRegister}); without it the check is skipped. Kept as this
 * bundle's own interface so no metering class that always loads refers to a customers type.
 */
public interface AccountRegister {

    /** @throws org.countygrid.platform.api.Problem 404 when the office has no such account */
    void requireAccount(Caller caller, String accountNumber);
}
