package org.countygrid.customers.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.internal.domain.TransformerArea;
import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code cus_area}: a transformer area and the station it belongs to. */
@Entity
@Table(name = "cus_area")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class AreaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cus_area_seq")
    @SequenceGenerator(name = "cus_area_seq", sequenceName = "cus_area_seq", allocationSize = 1)
    private long id;

    @Column(nullable = false, length = 20)
    private String code;

    @Column(nullable = false, length = 60)
    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "station_id", nullable = false)
    private StationEntity station;

    @Column(name = "capacity_kva", nullable = false)
    private int capacityKva;

    @Version
    private long version;

    protected AreaEntity() {
        // for JPA
    }

    AreaEntity(TransformerArea area, StationEntity station) {
        this.code = area.code();
        this.name = area.name();
        this.station = station;
        this.capacityKva = area.capacityKva();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public StationEntity station() {
        return station;
    }

    public AreaView toView() {
        return new AreaView(code, name, station.code(), capacityKva);
    }
}
