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

/**
 * A row of {@code mtr_terminal_report}: when a terminal last reported its archive, and how many meters it listed. Kept
 * apart from the archive's rows, so that an empty archive (a concentrator that was reset) is a report too, and apart
 * from the terminal's own row, so that a report does not change the version a clerk's screen holds.
 */
@Entity
@Table(name = "mtr_terminal_report")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class TerminalReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_terminal_report_seq")
    @SequenceGenerator(name = "mtr_terminal_report_seq", sequenceName = "mtr_terminal_report_seq", allocationSize = 1)
    private long id;

    @Column(nullable = false, length = 30, updatable = false)
    private String terminal;

    @Column(name = "reported_at", nullable = false)
    private LocalDateTime reportedAt;

    @Column(nullable = false)
    private int meters;

    protected TerminalReportEntity() {
        // for JPA
    }

    TerminalReportEntity(String terminal, Instant at, int meters) {
        this.terminal = terminal;
        reported(at, meters);
    }

    void reported(Instant at, int count) {
        this.reportedAt = Columns.of(at);
        this.meters = count;
    }

    public Instant reportedAt() {
        return Columns.instant(reportedAt);
    }

    public int meters() {
        return meters;
    }
}
