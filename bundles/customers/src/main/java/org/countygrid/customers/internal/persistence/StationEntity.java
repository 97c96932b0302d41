package org.countygrid.customers.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.countygrid.customers.internal.domain.Station;
import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code cus_station}; the office column is filled and filtered by EclipseLink. */
@Entity
@Table(name = "cus_station")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class StationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cus_station_seq")
    @SequenceGenerator(name = "cus_station_seq", sequenceName = "cus_station_seq", allocationSize = 1)
    private long id;

    @Column(nullable = false, length = 20)
    private String code;

    @Column(nullable = false, length = 60)
    private String name;

    @Version
    private long version;

    protected StationEntity() {
        // for JPA
    }

    StationEntity(Station station) {
        this.code = station.code();
        this.name = station.name();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }
}
