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

/** A row of {@code mtr_terminal_archive}: one meter address of the archive a terminal last reported. */
@Entity
@Table(name = "mtr_terminal_archive")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class TerminalArchiveEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_terminal_archive_seq")
    @SequenceGenerator(name = "mtr_terminal_archive_seq", sequenceName = "mtr_terminal_archive_seq", allocationSize = 1)
    private long id;

    @Column(nullable = false, length = 30, updatable = false)
    private String terminal;

    @Column(name = "comm_address", nullable = false, length = 12, updatable = false)
    private String commAddress;

    @Column(name = "reported_at", nullable = false, updatable = false)
    private LocalDateTime reportedAt;

    protected TerminalArchiveEntity() {
        // for JPA
    }

    TerminalArchiveEntity(String terminal, String commAddress, Instant at) {
        this.terminal = terminal;
        this.commAddress = commAddress;
        this.reportedAt = Columns.of(at);
    }

    public String commAddress() {
        return commAddress;
    }

    public Instant reportedAt() {
        return Columns.instant(reportedAt);
    }
}
