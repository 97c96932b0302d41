package org.countygrid.metering.internal.persistence;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.countygrid.metering.MeterState;

/**
 * The columns of the lifecycle meters and collection terminals share ({@code AssetLife}), in {@code mtr_meter} and
 * {@code mtr_terminal} alike. Where an asset is installed differs (an account, an area) and stays in each entity.
 */
@Embeddable
public class LifeColumns {

    @Column(name = "verified_on")
    private LocalDate verifiedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private MeterState state;

    @Column(name = "warehouse_code", length = 20)
    private String warehouseCode;

    @Column(name = "station_code", length = 20)
    private String stationCode;

    @Column(name = "cabinet_code", length = 20)
    private String cabinetCode;

    @Column(length = 60)
    private String holder;

    protected LifeColumns() {
        // for JPA
    }

    LifeColumns(LocalDate verifiedOn, MeterState state, String warehouseCode, String stationCode, String cabinetCode,
            String holder) {
        this.verifiedOn = verifiedOn;
        this.state = state;
        this.warehouseCode = warehouseCode;
        this.stationCode = stationCode;
        this.cabinetCode = cabinetCode;
        this.holder = holder;
    }

    LocalDate verifiedOn() {
        return verifiedOn;
    }

    MeterState state() {
        return state;
    }

    String warehouseCode() {
        return warehouseCode;
    }

    String stationCode() {
        return stationCode;
    }

    String cabinetCode() {
        return cabinetCode;
    }

    String holder() {
        return holder;
    }
}
