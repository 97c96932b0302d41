package org.countygrid.metering;

/** The energy registers of a meter: total and the time-of-use registers peak (峰), flat (平), valley (谷). */
public enum Register {
    TOTAL, PEAK, FLAT, VALLEY
}
