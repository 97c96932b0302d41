package org.countygrid.metering;

/** VALID passed validation; FAILED is kept with its reason; ESTIMATED was filled in for a gap. */
public enum ReadingStatus {
    VALID, FAILED, ESTIMATED
}
