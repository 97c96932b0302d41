package org.countygrid.customers.internal.domain;

/** Which station and area codes the office already uses, answered by the persistence layer. */
public interface StationRecords {

    boolean stationExists(String code);

    boolean areaExists(String code);
}
