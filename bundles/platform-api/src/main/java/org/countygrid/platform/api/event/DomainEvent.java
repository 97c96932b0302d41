package org.countygrid.platform.api.event;

import org.countygrid.platform.api.OfficeCode;

/**
 * A fact a module publishes, named {@code <module>.<fact>} in the past tense. Implementations are records
 * whose components form the JSON payload; {@link #version()} rises when the payload changes incompatibly.
 */
public interface DomainEvent {

    /** e.g. {@code customers.account-opened}. */
    String type();

    int version();

    OfficeCode office();

    /** The id of the aggregate the fact is about, e.g. an account number. */
    String subject();
}
