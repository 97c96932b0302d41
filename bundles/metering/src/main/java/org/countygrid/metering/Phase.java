package org.countygrid.metering;

/** Single-phase (单相) or three-phase (三相) meter. */
public enum Phase {
    SINGLE, THREE
}
