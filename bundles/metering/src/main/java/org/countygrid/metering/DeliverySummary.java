package org.countygrid.metering;

/** What a delivery batch (到货批次) stored: all of its meters, or nothing. */
public record DeliverySummary(String batch, int meters) {
}
