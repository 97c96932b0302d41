package org.countygrid.customers.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.countygrid.customers.NewStation;
import org.countygrid.customers.internal.FakeCustomerService;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.ShellSession;
import org.countygrid.platform.testing.TypedCommandLine;

/** station-add, area-add, area-list and the station code completion, run as a logged-in shell user. */
class StationCommandsTest {

    private final FakeCustomerService customers = new FakeCustomerService();
    private final ShellSession operator = new ShellSession("zhang", "operator", "office.QS");

    @Test
    void addsAStation() throws Exception {
        StationAddCommand add = new StationAddCommand();
        add.customers = customers;
        add.code = "QSH";
        add.name = "清水镇供电所";

        assertThat(operator.run(add::execute).out()).isEqualTo("Added station QSH 清水镇供电所" + System.lineSeparator());
        assertThat(customers.commands).containsExactly(new NewStation("QSH", "清水镇供电所"));
        assertThat(customers.callers).singleElement().extracting(Caller::user).isEqualTo("zhang");
    }

    @Test
    void addsAnAreaWithTheGivenOrTheDefaultCapacity() throws Exception {
        AreaAddCommand add = area("CG", "CG-T003", "城关镇3号台区");
        add.capacity = 630;
        ShellSession.Output given = operator.run(add::execute);
        ShellSession.Output usual = operator.run(area("CG", "CG-T004", "城关镇4号台区")::execute);

        assertThat(given.out()).contains("Added area CG-T003 城关镇3号台区 (630 kVA) to station CG");
        assertThat(usual.out()).contains("(400 kVA)");
        assertThat(customers.commands).containsExactly(
                "add-area CG NewArea[code=CG-T003, name=城关镇3号台区, capacityKva=630]",
                "add-area CG NewArea[code=CG-T004, name=城关镇4号台区, capacityKva=400]");
    }

    @Test
    void printsTheFieldErrorsOfARefusedAddInOneLine() throws Exception {
        StationAddCommand add = new StationAddCommand();
        add.customers = customers;
        customers.addStationFailure = new ValidationException(List.of(
                new ValidationException.FieldError("code", "must be 2-8 upper-case letters or digits"),
                new ValidationException.FieldError("name", "is required")));
        add.code = "q";
        add.name = "";

        ShellSession.Output output = operator.run(add::execute);

        assertThat(output.err()).isEqualTo("Error: code: must be 2-8 upper-case letters or digits; name: is required"
                + System.lineSeparator());
        assertThat(output.out()).isEmpty();
    }

    @Test
    void listsTheAreasOfAStationOrSaysItIsUnknown() throws Exception {
        AreaListCommand list = new AreaListCommand();
        list.customers = customers;
        list.stationCode = "CG";
        ShellSession.Output known = operator.run(list::execute);
        list.stationCode = "XX";
        ShellSession.Output unknown = operator.run(list::execute);

        assertThat(known.out()).contains("Code", "kVA", "CG-001", "城关镇1号台区", "400");
        assertThat(unknown.err()).isEqualTo("Error: supply station XX does not exist in your office" + System.lineSeparator());
    }

    @Test
    void completesTheStationCodesOfTheOffice() throws Exception {
        StationCodeCompleter completer = new StationCodeCompleter();
        completer.customers = customers;
        List<String> candidates = new ArrayList<>();

        operator.run(() -> completer.complete(null, new TypedCommandLine("customers:area-list", ""), candidates));

        assertThat(candidates).extracting(String::strip).containsExactly("CG");
        assertThat(customers.callers).singleElement().extracting(Caller::user).isEqualTo("zhang");
    }

    @Test
    void completesNothingForAUserWithoutAnOffice() throws Exception {
        StationCodeCompleter completer = new StationCodeCompleter();
        completer.customers = customers;
        List<String> candidates = new ArrayList<>();

        new ShellSession("root", "admin").run(() -> completer.complete(null, new TypedCommandLine("customers:area-list", ""), candidates));

        assertThat(candidates).isEmpty();
    }

    private AreaAddCommand area(String station, String code, String name) {
        AreaAddCommand add = new AreaAddCommand();
        add.customers = customers;
        add.stationCode = station;
        add.code = code;
        add.name = name;
        return add;
    }
}
