package org.countygrid.metering.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.countygrid.metering.internal.domain.RegisterValues;

/**
 * A meter's register values (hundredths of kWh) and ERR code as columns, embedded twice in {@code mtr_work_order}:
 * the old meter's final readings and the new meter's infrared reading. All columns null: no reading.
 */
@Embeddable
public class RegisterColumns {

    @Column
    private Long total;

    @Column
    private Long peak;

    @Column
    private Long flat;

    @Column
    private Long valley;

    @Column(length = 16)
    private String errCode;

    protected RegisterColumns() {
        // for JPA
    }

    static RegisterColumns of(RegisterValues r) {
        RegisterColumns c = new RegisterColumns();
        if (r != null) {
            c.total = r.total();
            c.peak = r.peak();
            c.flat = r.flat();
            c.valley = r.valley();
            c.errCode = r.errCode();
        }
        return c;
    }

    /** The values, or null when there is no reading (EclipseLink reads an all-null embeddable as null, too). */
    static RegisterValues values(RegisterColumns c) {
        return c == null || c.total == null ? null : new RegisterValues(c.total, c.peak, c.flat, c.valley, c.errCode);
    }
}
