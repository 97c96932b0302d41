package org.countygrid.customers.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.countygrid.customers.internal.FakeCustomerService;
import org.countygrid.platform.testing.ShellSession;
import org.countygrid.platform.testing.TypedCommandLine;
import org.junit.jupiter.api.Test;

/** Station and area codes complete from the user's office's data, and from nothing when it cannot be read. */
class CodeCompletersTest {

    private final FakeCustomerService customers = new FakeCustomerService();

    @Test
    void stationAndAreaCodesOfTheOffice() throws Exception {
        StationCodeCompleter stations = new StationCodeCompleter();
        stations.customers = customers;
        AreaCodeCompleter areas = new AreaCodeCompleter();
        areas.customers = customers;

        assertThat(complete(stations, "operator", "C")).extracting(String::strip).containsExactly("CG");
        assertThat(complete(areas, "operator", "")).extracting(String::strip).isNotEmpty()
                .allMatch(code -> code.startsWith("CG"));
        assertThat(customers.commands).contains("areas CG");
    }

    @Test
    void aShellUserWithoutAnOfficeGetsNoCandidatesAndTheRegisterIsNotAsked() throws Exception {
        StationCodeCompleter stations = new StationCodeCompleter();
        stations.customers = customers;
        List<String> candidates = new ArrayList<>();

        new ShellSession("nobody", "operator").run(() -> stations.complete(null,
                new TypedCommandLine("customers:station-list", ""), candidates));

        assertThat(candidates).isEmpty();
        assertThat(customers.callers).isEmpty();
    }

    private static List<String> complete(Object completer, String role, String typed) throws Exception {
        List<String> candidates = new ArrayList<>();
        new ShellSession("zhang", role, "office.QS").run(() -> ((OfficeDataCompleter) completer).complete(null,
                new TypedCommandLine("customers:area-list", typed), candidates));
        return candidates;
    }
}
