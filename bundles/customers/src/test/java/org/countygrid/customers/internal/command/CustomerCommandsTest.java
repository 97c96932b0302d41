package org.countygrid.customers.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.Category;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.customers.internal.FakeCustomerService;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.ShellSession;

/** Each command built as Karaf would, with its fields set and its output captured. */
class CustomerCommandsTest {

    private final FakeCustomerService customers = new FakeCustomerService();
    private final ShellSession operator = new ShellSession("zhang", "operator", "office.QS");

    @Test
    void listsAccountsAsATableWithTheCallersOffice() throws Exception {
        AccountListCommand list = new AccountListCommand();
        list.customers = customers;
        list.query = "3101";
        list.limit = "5";

        ShellSession.Output output = operator.run(list::execute);

        assertThat(output.out()).contains("Number", "3101000001", "王建国", "3101000002", "1-2 of 200000");
        assertThat(customers.commands).containsExactly("search 3101 0 5");
        assertThat(customers.callers).singleElement().satisfies(c -> {
            assertThat(c.user()).isEqualTo("zhang");
            assertThat(c.office()).isEqualTo(OfficeCode.of("QS"));
            assertThat(c.roles()).containsExactly("operator");
        });
    }

    @Test
    void showsOneAccount() throws Exception {
        AccountShowCommand show = new AccountShowCommand();
        show.customers = customers;
        show.number = "3101000001";

        assertThat(operator.run(show::execute).out()).contains("王建国", "城关镇1号台区", "220V", "OPEN");
    }

    @Test
    void explainsABadNumberOrAMissingAccountInOneLine() throws Exception {
        AccountShowCommand show = new AccountShowCommand();
        show.customers = customers;
        show.number = "12ab";
        ShellSession.Output bad = operator.run(show::execute);
        show.number = "3109999999";
        ShellSession.Output missing = operator.run(show::execute);

        assertThat(bad.err()).isEqualTo("Error: number: account number must be exactly 10 digits, got: 12ab" + System.lineSeparator());
        assertThat(missing.err()).contains("account 3109999999 does not exist").doesNotContain("\tat ");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void opensWithOptionsParsedIntoTheCommand() throws Exception {
        AccountOpenCommand open = new AccountOpenCommand();
        open.customers = customers;
        open.number = "3101000009";
        open.name = "青山超市";
        open.address = "城关镇人民路1号";
        open.area = "CG-001";
        open.phone = "13812345678";
        open.category = "commercial";
        open.voltage = "V380";

        assertThat(operator.run(open::execute).out()).contains("Opened 3101000009 青山超市");
        assertThat(customers.commands).containsExactly(new NewAccount("3101000009", "青山超市", "城关镇人民路1号",
                "13812345678", Category.COMMERCIAL, VoltageLevel.V380, org.countygrid.customers.ImportantUserClass.NONE,
                "CG-001"));
    }

    @Test
    void changesOnlyTheGivenFieldsAgainstTheVersionItRead() throws Exception {
        AccountChangeCommand change = new AccountChangeCommand();
        change.customers = customers;
        change.number = "3101000001";
        change.name = "王小明";
        change.category = "commercial";

        ShellSession.Output output = operator.run(change::execute);

        AccountView wang = FakeCustomerService.WANG;
        assertThat(customers.lastChange).isEqualTo(new AccountChange("王小明", wang.address(), wang.phone(),
                Category.COMMERCIAL, wang.voltageLevel(), wang.importantClass(), wang.areaCode()));
        assertThat(customers.commands).containsExactly("change 3101000001 OptionalLong[" + wang.version() + "]");
        assertThat(output.out()).contains("Changed 3101000001 王小明: name 王建国 → 王小明");
    }

    @Test
    void aChangeWithoutAnyFieldOrWithABadValueChangesNothing() throws Exception {
        AccountChangeCommand change = new AccountChangeCommand();
        change.customers = customers;
        change.number = "3101000001";
        ShellSession.Output nothing = operator.run(change::execute);
        change.voltage = "V999";
        ShellSession.Output bad = operator.run(change::execute);

        assertThat(nothing.err()).startsWith("Error: options: give at least one of --name");
        assertThat(bad.err()).contains("--voltage").contains("V220").doesNotContain("\tat ");
        assertThat(customers.commands).isEmpty();
    }

    @Test
    void namesTheAllowedValuesOfABadOption() throws Exception {
        AccountOpenCommand open = new AccountOpenCommand();
        open.customers = customers;
        open.number = "3101000009";
        open.voltage = "400V";

        assertThat(operator.run(open::execute).err()).contains("--voltage must be one of V220, V380, KV10, KV35, KV110");
        assertThat(customers.commands).isEmpty();
    }

    @Test
    void closesWithTheReason() throws Exception {
        AccountCloseCommand close = new AccountCloseCommand();
        close.customers = customers;
        close.number = "3101000001";
        close.reason = "拆迁";

        assertThat(operator.run(close::execute).out()).contains("Closed 3101000001");
        assertThat(customers.commands).containsExactly("close 3101000001 拆迁 version none");
    }

    @Test
    void listsStations() throws Exception {
        StationListCommand stations = new StationListCommand();
        stations.customers = customers;

        assertThat(operator.run(stations::execute).out()).contains("CG", "城关供电所", "42");
    }

    @Test
    void refusesAUserWithoutAnOffice() throws Exception {
        StationListCommand stations = new StationListCommand();
        stations.customers = customers;

        assertThat(new ShellSession("root", "admin").run(stations::execute).err()).contains("belongs to no office");
        assertThat(customers.callers).isEmpty();
    }
}
