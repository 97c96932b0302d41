package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import org.countygrid.metering.internal.domain.Installations;

/** A row of {@code mtr_installation}: a meter hung at an account from installedAt until removedAt. */
@Entity
@Table(name = "mtr_installation")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class InstallationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_installation_seq")
    @SequenceGenerator(name = "mtr_installation_seq", sequenceName = "mtr_installation_seq", allocationSize = 1)
    private long id;

    @Column(nullable = false, length = 22, updatable = false)
    private String barcode;

    @Column(name = "account_number", nullable = false, length = 10, updatable = false)
    private String accountNumber;

    @Column(name = "order_id", updatable = false)
    private Long orderId;

    /** The account's transformer area: followed while the meter is installed (AccountFollowing). */
    @Column(name = "area_code", length = 20)
    private String areaCode;

    @Column(name = "installed_at", nullable = false, updatable = false)
    private LocalDateTime installedAt;

    @Column(name = "removed_at")
    private LocalDateTime removedAt;

    protected InstallationEntity() {
        // for JPA
    }

    InstallationEntity(String barcode, String accountNumber, String areaCode, Long orderId, Instant installedAt) {
        this.barcode = barcode;
        this.accountNumber = accountNumber;
        this.areaCode = areaCode;
        this.orderId = orderId;
        this.installedAt = Columns.of(installedAt);
    }

    void removed(Instant at) {
        this.removedAt = Columns.of(at);
    }

    public String barcode() {
        return barcode;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String areaCode() {
        return areaCode;
    }

    /** The account moved to another transformer area while the meter is installed there. */
    public void moveTo(String area) {
        this.areaCode = area;
    }

    public Instant installedAt() {
        return Columns.instant(installedAt);
    }

    public Instant removedAt() {
        return Columns.instant(removedAt);
    }

    public Long orderId() {
        return orderId;
    }

    public Installations.Period toPeriod() {
        return new Installations.Period(Columns.instant(installedAt), Columns.instant(removedAt));
    }
}
