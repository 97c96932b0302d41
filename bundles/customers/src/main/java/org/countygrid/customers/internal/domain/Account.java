package org.countygrid.customers.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.countygrid.customers.AccountStatus;
import org.countygrid.customers.event.AccountChanged.FieldChange;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.Problem;

/**
 * A customer account (户号) and its rules. Immutable: every rule returns the account as it is afterwards,
 * and persistence stores that. {@code version} is the optimistic-locking version of the stored row.
 */
public record Account(AccountNumber number, AccountDetails details, AccountStatus status, Instant openedAt,
        Instant closedAt, String closeReason, long version) {

    static final int MAX_REASON = 200;

    /** The result of a change: the account afterwards and what differs (empty when nothing does). */
    public record Changed(Account account, List<FieldChange> changes) {
    }

    /** Opens an account once every field is valid, the number is free and the area exists. */
    public static Account open(String number, AccountDetails details, OfficeRecords records, Instant now) {
        FieldErrors errors = new FieldErrors();
        Account account = open(errors, number, details, records, now);
        errors.throwIfAny();
        return account;
    }

    /** Adds what is wrong to {@code errors}; returns {@code null} when the number itself is unusable. */
    static Account open(FieldErrors errors, String number, AccountDetails details, OfficeRecords records, Instant now) {
        String cleanNumber = Texts.clean(number);
        details.check(errors, records);
        if (cleanNumber == null || cleanNumber.isEmpty()) {
            errors.add("number", Texts.REQUIRED);
        } else if (!AccountNumber.isValid(cleanNumber)) {
            errors.add("number", "must be exactly 10 digits");
        } else if (records.accountExists(cleanNumber)) {
            errors.add("number", "is already taken in this office");
        } else {
            return new Account(AccountNumber.of(cleanNumber), details, AccountStatus.OPEN, now, null, null, 0);
        }
        return null;
    }

    /** Replaces the changeable fields; a closed account is history and stays as it was closed. */
    public Changed change(AccountDetails newDetails, OfficeRecords records) {
        requireOpen();
        FieldErrors errors = new FieldErrors();
        newDetails.check(errors, records);
        errors.throwIfAny();
        return new Changed(withDetails(newDetails), newDetails.changesSince(details));
    }

    /** Closes the account (销户); its data stays for billing history and audits. */
    public Account close(String reason, Instant now) {
        requireOpen();
        String cleanReason = Texts.clean(reason);
        FieldErrors errors = new FieldErrors();
        Texts.check(errors, "reason", cleanReason, MAX_REASON);
        errors.throwIfAny();
        return new Account(number, details, AccountStatus.CLOSED, openedAt, now, cleanReason, version);
    }

    /** Refuses to work on an account someone else changed since the caller read it. */
    public void requireVersion(OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != version) {
            throw Problem.stale("account " + number + " was changed by someone else (version " + version
                    + ", you had " + expected.getAsLong() + "); reload it and try again");
        }
    }

    public boolean isClosed() {
        return status == AccountStatus.CLOSED;
    }

    private void requireOpen() {
        if (isClosed()) {
            throw Problem.conflict("account " + number + " is closed");
        }
    }

    private Account withDetails(AccountDetails newDetails) {
        return new Account(number, newDetails, status, openedAt, closedAt, closeReason, version);
    }
}
