package org.countygrid.platform.data;

import java.util.List;
import java.util.Optional;

import org.countygrid.platform.api.OfficeCode;
import org.osgi.annotation.versioning.ProviderType;

/** The offices known to this database (table {@code cg_office}); not office-scoped, it is the list of tenants. */
@ProviderType
public interface OfficeDirectory {

    /** Counties and stations, ordered by code. */
    List<Office> list();

    Optional<Office> find(OfficeCode code);

    /**
     * Adds the county company, or renames it when it exists. Node identity calls this at start for the office
     * the node serves.
     *
     * @throws org.countygrid.platform.api.Problem 409 when the code belongs to a station
     */
    Office putCounty(OfficeCode code, String name);

    /**
     * Adds a supply station under a county.
     *
     * @throws org.countygrid.platform.api.Problem 404 when the county is unknown, 409 when the code is taken
     */
    Office addStation(OfficeCode code, String name, OfficeCode county);
}
