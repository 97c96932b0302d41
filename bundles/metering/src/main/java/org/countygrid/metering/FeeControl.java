package org.countygrid.metering;

/** Fee control (费控) in the meter itself (LOCAL, prepaid) or in the marketing system (REMOTE). */
public enum FeeControl {
    LOCAL, REMOTE
}
