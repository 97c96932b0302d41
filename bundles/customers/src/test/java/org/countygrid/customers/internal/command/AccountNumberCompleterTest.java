package org.countygrid.customers.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.countygrid.customers.internal.FakeCustomerService;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.ShellSession;
import org.countygrid.platform.testing.TypedCommandLine;

class AccountNumberCompleterTest {

    private final FakeCustomerService customers = new FakeCustomerService();
    private final ShellSession operator = new ShellSession("zhang", "operator", "office.QS");

    @Test
    void completesNumbersOfTheOfficeByPrefix() throws Exception {
        List<String> candidates = complete("310100000");

        assertThat(candidates).extracting(String::strip).containsExactlyInAnyOrder("3101000001", "3101000002");
    }

    @Test
    void waitsForTwoDigitsAndIgnoresLetters() throws Exception {
        assertThat(complete("3")).isEmpty();
        assertThat(complete("ab")).isEmpty();
        assertThat(customers.commands).isEmpty();
    }

    private List<String> complete(String typed) throws Exception {
        AccountNumberCompleter completer = new AccountNumberCompleter();
        completer.customers = customers;
        List<String> candidates = new ArrayList<>();
        operator.run(() -> completer.complete(null, new TypedCommandLine("customers:account-show", typed), candidates));
        return candidates;
    }
}
