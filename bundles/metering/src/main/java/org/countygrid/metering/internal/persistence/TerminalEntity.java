package org.countygrid.metering.internal.persistence;


import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.countygrid.metering.TerminalKind;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.internal.domain.Terminal;
import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code mtr_terminal}. */
@Entity
@Table(name = "mtr_terminal")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class TerminalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_terminal_seq")
    @SequenceGenerator(name = "mtr_terminal_seq", sequenceName = "mtr_terminal_seq", allocationSize = 1)
    private long id;

    @Column(name = "asset_number", nullable = false, length = 30, updatable = false)
    private String assetNumber;

    @Column(nullable = false, length = 16, updatable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 14, updatable = false)
    private TerminalKind kind;

    @Column(nullable = false, length = 60, updatable = false)
    private String manufacturer;

    @Embedded
    private LifeColumns life;

    @Column(name = "area_code", length = 20)
    private String areaCode;

    @Version
    private long version;

    protected TerminalEntity() {
        // for JPA
    }

    TerminalEntity(Terminal t) {
        this.assetNumber = t.assetNumber();
        this.address = t.address();
        this.kind = t.kind();
        this.manufacturer = t.manufacturer();
        apply(t);
    }

    void apply(Terminal t) {
        this.life = new LifeColumns(t.verifiedOn(), t.state(), t.warehouseCode(), t.stationCode(), t.cabinetCode(),
                t.holder());
        this.areaCode = t.areaCode();
    }

    public Terminal toTerminal() {
        return new Terminal(assetNumber, address, kind, manufacturer, life.verifiedOn(), life.state(),
                life.warehouseCode(), life.stationCode(), life.cabinetCode(), life.holder(), areaCode, version);
    }

    public TerminalView toView(long meters) {
        return new TerminalView(assetNumber, address, kind, manufacturer, life.verifiedOn(), life.state(),
                life.warehouseCode(), life.stationCode(), life.cabinetCode(), life.holder(), areaCode, meters, version);
    }
}
