package org.countygrid.customers.internal.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.countygrid.customers.AccountStatus;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.customers.internal.domain.Account;
import org.countygrid.customers.internal.domain.AccountDetails;
import org.countygrid.customers.internal.domain.Premise;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A row of {@code cus_account}. It only stores an {@link Account}: the rules live in the domain object, and
 * {@link #apply} copies a rule's result back. Times are UTC in a plain TIMESTAMP column, the same on H2 and
 * PostgreSQL whatever the JVM's time zone.
 */
@Entity
@Table(name = "cus_account")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cus_account_seq")
    @SequenceGenerator(name = "cus_account_seq", sequenceName = "cus_account_seq", allocationSize = 1)
    private long id;

    @Column(nullable = false, length = 10, updatable = false)
    private String number;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(nullable = false, length = 20)
    private String phone;

    @Column(nullable = false, length = 200)
    private String address;

    @ManyToOne(optional = false)
    @JoinColumn(name = "area_id", nullable = false)
    private AreaEntity area;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "voltage_level", nullable = false, length = 8)
    private VoltageLevel voltageLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "important_class", nullable = false, length = 12)
    private ImportantUserClass importantClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private AccountStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private LocalDateTime openedAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    @Column(name = "close_reason", length = 200)
    private String closeReason;

    @Version
    private long version;

    protected AccountEntity() {
        // for JPA
    }

    AccountEntity(Account account, AreaEntity area) {
        this.number = account.number().value();
        this.openedAt = toColumn(account.openedAt());
        apply(account, area);
    }

    /** Stores the state a domain rule returned; {@code area} is the entity of its premise's area code. */
    public void apply(Account account, AreaEntity newArea) {
        AccountDetails details = account.details();
        this.name = details.name();
        this.phone = details.phone();
        this.address = details.premise().address();
        this.area = newArea;
        this.category = details.category();
        this.voltageLevel = details.voltageLevel();
        this.importantClass = details.importantClass();
        this.status = account.status();
        this.closedAt = toColumn(account.closedAt());
        this.closeReason = account.closeReason();
    }

    public Account toAccount() {
        AccountDetails details = new AccountDetails(name, phone, new Premise(address, area.code()), category,
                voltageLevel, importantClass);
        return new Account(AccountNumber.of(number), details, status, toInstant(openedAt), toInstant(closedAt),
                closeReason, version);
    }

    public AccountView toView() {
        StationEntity station = area.station();
        return new AccountView(number, name, address, phone, category, voltageLevel, importantClass, area.code(),
                area.name(), station.code(), station.name(), status, toInstant(openedAt), toInstant(closedAt),
                closeReason, version);
    }

    public long version() {
        return version;
    }

    public String number() {
        return number;
    }

    static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant toInstant(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
