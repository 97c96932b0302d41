package org.countygrid.customers;

import java.time.Instant;

/** An open account for {@link CustomerService#importCounty}, with the date it was opened in the old system. */
public record AccountData(NewAccount account, Instant openedAt) {
}
