package org.countygrid.metering.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.QS;

import java.io.ByteArrayInputStream;

import javax.ws.rs.core.Response;

import org.countygrid.metering.MeterState;
import org.countygrid.metering.MeterView;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.internal.TestMetering;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resources on the real services: the caller of the request reaches the service, bad parameters are 400s. */
class ResourcesTest {

    private final TestMetering metering = new TestMetering();
    private final MeterResource meters = new MeterResource(metering.meters);
    private final WorkOrderResource orders = new WorkOrderResource(metering.orders);

    @AfterEach
    void stop() {
        CurrentCaller.clear();
        metering.close();
    }

    static void as(String user, String role) {
        CurrentCaller.set(TestMetering.caller(QS, user, role));
    }

    @Test
    void theFieldWorkersMobileFlowGoesThroughTheCallersIdentity() {
        metering.stockAtStation(QS);
        as("li", Role.FIELD);
        MeterView received = meters.receive(M1, new Requests.Receive("CG", "PHONE-LI", "城关供电所"));
        assertThat(received.holder()).isEqualTo("li");

        as("zhang", Role.DISPATCHER);
        Response created = orders.create(new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", "人民路18号", "li", null, null));
        long id = ((WorkOrderView) created.getEntity()).id();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getLocation().toString()).endsWith("metering/orders/" + id);

        as("li", Role.FIELD);
        assertThat(orders.mine()).extracting(WorkOrderView::id).containsExactly(id);
        orders.scan(Long.toString(id), new Requests.Scan(M1, "PHONE-LI", "人民路18号"));
        orders.infraredReading(Long.toString(id), TestMetering.INFRARED, "PHONE-LI", "人民路18号");
        WorkOrderView pictured = orders.photo(Long.toString(id), "NEW_METER_PHOTO", "PHONE-LI", null, "image/png",
                new ByteArrayInputStream(TestMetering.image("png", 2)));
        assertThat(pictured.files()).singleElement().extracting(f -> f.barcode()).isEqualTo(M1);
        assertThatThrownBy(() -> orders.photo(Long.toString(id), "SELFIE", null, null, "image/png",
                new ByteArrayInputStream(TestMetering.image("png", 2)))).isInstanceOf(ValidationException.class);
        orders.signature(Long.toString(id), "王小明", null, null, "image/png",
                new ByteArrayInputStream(TestMetering.image("png", 3)));
        assertThat(orders.complete(Long.toString(id), null).status().name()).isEqualTo("COMPLETED");
        Response form = orders.form(Long.toString(id));
        assertThat(form.getMediaType().toString()).isEqualTo("application/pdf");
        assertThat(form.getHeaderString("Content-Disposition")).isEqualTo("inline; filename=\"work-order-" + id
                + "-form.pdf\"");
        assertThat((byte[]) form.getEntity()).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(meters.meter(M1).state()).isEqualTo(MeterState.INSTALLED);
    }

    @Test
    void anAuditorReadsButCannotChange() {
        metering.stockAtStation(QS);
        as("audit", Role.AUDITOR);

        assertThat(meters.stock().byState()).containsEntry(MeterState.PRE_ISSUED, 4L);
        assertThat(meters.history(M1)).hasSize(3);
        assertThatThrownBy(() -> meters.scrap(M1, new Requests.Scrap("x", null, null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> orders.create(new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", null, "li", null, null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void badParametersAreFieldErrors() {
        CurrentCaller.set(new Caller("zhang", QS, java.util.Set.of(Role.OPERATOR)));
        assertThatThrownBy(() -> meters.list("BROKEN", null, null, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsOnlyKeys("state"));
        assertThatThrownBy(() -> orders.order("abc")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsOnlyKeys("id"));
        assertThatThrownBy(() -> meters.preIssue(M1, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsOnlyKeys("body"));
        assertThatThrownBy(() -> meters.list(null, null, "0", "0")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsEntry("limit", "must be at least 1"));
        assertThatThrownBy(() -> orders.list(null, null, null, null, "0")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsEntry("limit", "must be at least 1"));
        // a photo's kind lists the photo kinds only: a signature and the form have their own ways in
        CurrentCaller.set(new Caller("li", QS, java.util.Set.of(Role.FIELD)));
        assertThatThrownBy(() -> orders.photo("1", "SIGNATURE", null, null, "image/png",
                new java.io.ByteArrayInputStream(new byte[] { 1 }))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("kind", "must be one of [OLD_METER_PHOTO, NEW_METER_PHOTO]"));
    }

    @Test
    void withoutALoginEveryCallIs401() {
        assertThatThrownBy(meters::stock).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(401));
    }
}
