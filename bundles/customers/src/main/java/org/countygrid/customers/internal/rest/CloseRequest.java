package org.countygrid.customers.internal.rest;

/** Body of {@code POST /customers/accounts/{number}/close}. */
public record CloseRequest(String reason) {
}
