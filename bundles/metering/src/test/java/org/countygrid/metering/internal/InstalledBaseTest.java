package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.time.Instant;
import java.util.List;

import org.countygrid.metering.AreaTopology;
import org.countygrid.metering.AttachedMeter;
import org.countygrid.metering.FeeControl;
import org.countygrid.metering.InstalledBase;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.NewTerminal;
import org.countygrid.metering.Phase;
import org.countygrid.metering.TerminalKind;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Taking over an installed base: meters at accounts, terminals in areas, the topology between them. */
class InstalledBaseTest {

    static final Instant SINCE = Instant.parse("2024-03-01T00:00:00Z");
    private final TestMetering metering = new TestMetering();

    @AfterEach
    void stop() {
        metering.close();
    }

    static InstalledBase.Meter meter(int n, String account, String area) {
        return new InstalledBase.Meter(new NewMeter(String.format("33%020d", n), "QS-B" + n, String.format("%012d", n),
                Phase.SINGLE, FeeControl.LOCAL, "华立", "2"), account, area, SINCE);
    }

    static InstalledBase.Terminal terminal(String asset, String address, TerminalKind kind, String area) {
        return new InstalledBase.Terminal(new NewTerminal(asset, address, kind, "威胜"), area, SINCE);
    }

    @Test
    void storesTheMetersInstalledAndHangsThemUnderTheirAreasConcentrator() {
        Caller system = Caller.system(QS);
        InstalledBase base = new InstalledBase(List.of(meter(1, "3101000001", "A1"), meter(2, "3101000002", "A1"),
                meter(3, "3101000003", "A2"), meter(4, "3101000004", null)),
                List.of(terminal("QS-C1", "0001", TerminalKind.COLLECTOR, "A1"),
                        terminal("QS-T1", "0002", TerminalKind.CONCENTRATOR, "A1")));
        InstalledBase.Summary summary = metering.meters.importInstalledBase(system, base);

        assertThat(summary.meters()).isEqualTo(4);
        assertThat(summary.terminals()).isEqualTo(2);
        assertThat(summary.attached()).isEqualTo(2);
        assertThat(metering.meters.meter(operator(QS), String.format("33%020d", 1)).state()).isEqualTo(MeterState.INSTALLED);
        assertThat(metering.meters.meter(operator(QS), String.format("33%020d", 1)).accountNumber()).isEqualTo("3101000001");
        AreaTopology a1 = metering.topology.area(operator(QS), "A1");
        assertThat(a1.attached()).extracting(AttachedMeter::terminal).containsOnly("QS-T1");
        assertThat(metering.topology.area(operator(QS), "A2").unattached()).extracting(AttachedMeter::accountNumber)
                .containsExactly("3101000003");
        assertThat(metering.meters.history(operator(QS), String.format("33%020d", 2))).singleElement()
                .satisfies(t -> assertThat(t.detail()).isEqualTo("installed base taken over: account 3101000002"));

        assertThatThrownBy(() -> metering.meters.importInstalledBase(system, base))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }

    @Test
    void refusesABadBaseWholeAndForNonAdmins() {
        InstalledBase bad = new InstalledBase(List.of(meter(1, "3101000001", "A1"), meter(1, "31", "A1")),
                List.of(terminal("QS-T1", "zz", TerminalKind.CONCENTRATOR, " ")));
        assertThatThrownBy(() -> metering.meters.importInstalledBase(Caller.system(QS), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKeys(
                        "terminals[0].address", "terminals[0].areaCode", "meters[1].barcode", "meters[1].accountNumber"));
        assertThat(metering.meters.stock(operator(QS)).byState().values()).allMatch(n -> n == 0);
        assertThatThrownBy(() -> metering.meters.importInstalledBase(operator(QS), bad))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
    }
}
