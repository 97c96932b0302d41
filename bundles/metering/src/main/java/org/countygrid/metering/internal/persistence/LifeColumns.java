package org.countygrid.metering.internal.persistence;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.countygrid.metering.MeterState;
import org.countygrid.metering.StockCount;

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

    /**
     * Assets of {@code entity} (alias {@code m}, whose {@code life} these columns are) in {@code states}, counted per
     * value of {@code column} (e.g. {@code m.life.warehouseCode}) and state.
     */
    static List<StockCount> grouped(EntityManager em, String entity, String column, List<MeterState> states) {
        return em.createQuery("select " + column + ", m.life.state, count(m) from " + entity + " m where m.life.state in"
                + " :states and " + column + " is not null group by " + column + ", m.life.state order by " + column,
                Object[].class).setParameter("states", states).getResultStream()
                .map(r -> new StockCount((String) r[0], (MeterState) r[1], (Long) r[2])).toList();
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
