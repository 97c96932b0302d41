package org.countygrid.platform.data;

import org.countygrid.platform.api.OfficeCode;

/**
 * A county power supply company or one of its supply stations (供电所).
 *
 * @param parent the county of a station; null for a county
 */
public record Office(OfficeCode code, String name, Kind kind, OfficeCode parent) {

    public enum Kind {
        COUNTY, STATION
    }
}
