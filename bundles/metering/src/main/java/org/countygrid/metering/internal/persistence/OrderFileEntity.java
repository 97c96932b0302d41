package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.countygrid.metering.FieldContext;
import org.countygrid.metering.OrderFile;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.OrderFileView;
import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A row of {@code mtr_order_file}: a photo, the signature or the completed form of a work order, with its SHA-256;
 * only ever added. Loaded whole only to serve its content; lists read the other columns
 * ({@link WorkOrderRepository#files}).
 */
@Entity
@Table(name = "mtr_order_file")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class OrderFileEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_order_file_seq")
    @SequenceGenerator(name = "mtr_order_file_seq", sequenceName = "mtr_order_file_seq", allocationSize = 1)
    private long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private OrderFileKind kind;

    @Column(length = 22, updatable = false)
    private String barcode;

    /** The barcode, or "" for a file of no meter (signature, form): NULLs never collide in the unique key. */
    @Column(name = "meter_key", nullable = false, length = 22, updatable = false)
    private String meterKey;

    @Column(name = "content_type", nullable = false, length = 40, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Lob
    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "device_id", length = 60, updatable = false)
    private String deviceId;

    @Column(length = 200, updatable = false)
    private String location;

    /** The unique key's meter part of a file of {@code barcode}: "" for a file of no meter. */
    static String meterKey(String barcode) {
        return barcode == null ? "" : barcode;
    }

    protected OrderFileEntity() {
        // for JPA
    }

    OrderFileEntity(long orderId, OrderFileKind kind, String barcode, String contentType, byte[] content,
            String sha256, String by, Instant at, FieldContext where) {
        this.orderId = orderId;
        this.kind = kind;
        this.barcode = barcode;
        this.meterKey = meterKey(barcode);
        this.contentType = contentType;
        this.size = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.createdBy = by;
        this.createdAt = Columns.of(at);
        this.deviceId = MeterRepository.clip(where == null ? null : where.deviceId(), 60);
        this.location = MeterRepository.clip(where == null ? null : where.location(), 200);
    }

    public OrderFile toFile() {
        return new OrderFile(new OrderFileView(kind, barcode, contentType, size, sha256, createdBy,
                Columns.instant(createdAt)), content.clone());
    }
}
