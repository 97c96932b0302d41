package org.countygrid.metering;

/**
 * What a file kept with a work order is: the photos of the old and the new meter, the customer's signature, and
 * the completed form (PDF) rendered at completion.
 */
public enum OrderFileKind {
    OLD_METER_PHOTO, NEW_METER_PHOTO, SIGNATURE, FORM;

    public boolean isPhoto() {
        return this == OLD_METER_PHOTO || this == NEW_METER_PHOTO;
    }
}
