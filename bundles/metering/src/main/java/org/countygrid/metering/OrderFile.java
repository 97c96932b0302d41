package org.countygrid.metering;

/** A file kept with a work order, with its content. */
public record OrderFile(OrderFileView file, byte[] content) {
}
