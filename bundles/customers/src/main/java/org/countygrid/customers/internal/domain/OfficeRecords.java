package org.countygrid.customers.internal.domain;

/** What the rules need to know about the office's stored records, answered by the persistence layer. */
public interface OfficeRecords {

    boolean accountExists(String number);

    boolean areaExists(String areaCode);
}
