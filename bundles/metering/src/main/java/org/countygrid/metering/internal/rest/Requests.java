package org.countygrid.metering.internal.rest;

import java.time.LocalDate;

import org.countygrid.metering.FieldContext;

/** Request bodies of the metering resources; each carries the device and location for the audit row. */
public final class Requests {

    private Requests() {
    }

    public record Verify(LocalDate verifiedOn, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record PreIssue(String stationCode, String cabinetCode, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record Receive(String stationCode, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record Transfer(String warehouseCode, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record Scrap(String reason, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record Scan(String barcode, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record Complete(Long residualBalanceFen, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record Install(String areaCode, String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    public record Where(String deviceId, String location) {
        FieldContext where() {
            return new FieldContext(deviceId, location);
        }
    }

    /** {@code version}: the order's version as the caller read it (or {@code If-Match}); null = no check. */
    public record Reason(String reason, Long version) {
    }

    /** {@code version}: the order's version as the caller read it (or {@code If-Match}); null = no check. */
    public record HandOver(String worker, String note, Long version) {
    }
}
