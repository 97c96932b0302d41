package org.countygrid.customers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.AccountData;
import org.countygrid.customers.AccountStatus;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.AreaView;
import org.countygrid.customers.Category;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.ImportSummary;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.StationData;
import org.countygrid.customers.StationView;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;

/** A register of two accounts that remembers who asked what. */
public final class FakeCustomerService implements CustomerService {

    public static final AccountView WANG = account("3101000001", "王建国");
    public static final AccountView LI = account("3101000002", "李秀英");

    public final List<Caller> callers = new ArrayList<>();
    public final List<Object> commands = new ArrayList<>();

    public static AccountView account(String number, String name) {
        return new AccountView(number, name, "城关镇人民路18号", "13812345678", Category.RESIDENTIAL, VoltageLevel.V220,
                ImportantUserClass.NONE, "CG-001", "城关镇1号台区", "CG", "城关供电所", AccountStatus.OPEN,
                Instant.parse("2015-03-01T00:00:00Z"), null, null, 1);
    }

    @Override
    public Page<AccountView> searchAccounts(Caller caller, String q, int offset, int limit) {
        callers.add(caller);
        commands.add("search " + q + " " + offset + " " + limit);
        List<AccountView> hits = List.of(WANG, LI).stream().filter(a -> q == null || a.number().startsWith(q)).toList();
        return new Page<>(hits, 200_000, offset, limit == 0 ? 20 : limit);
    }

    @Override
    public AccountView account(Caller caller, AccountNumber number) {
        callers.add(caller);
        if (number.value().equals(WANG.number())) {
            return WANG;
        }
        throw Problem.notFound("account " + number);
    }

    @Override
    public AccountView openAccount(Caller caller, NewAccount account) {
        callers.add(caller);
        commands.add(account);
        return account(account.number(), account.name());
    }

    @Override
    public AccountView changeAccount(Caller caller, AccountNumber number, AccountChange change, OptionalLong expectedVersion) {
        callers.add(caller);
        commands.add("change " + number + " " + expectedVersion);
        return account(number.value(), change.name());
    }

    @Override
    public AccountView closeAccount(Caller caller, AccountNumber number, String reason) {
        callers.add(caller);
        commands.add("close " + number + " " + reason);
        return account(number.value(), "王建国");
    }

    @Override
    public List<StationView> stations(Caller caller) {
        callers.add(caller);
        return List.of(new StationView("CG", "城关供电所", 42));
    }

    @Override
    public List<AreaView> areas(Caller caller, String stationCode) {
        return List.of();
    }

    @Override
    public ImportSummary importCounty(Caller caller, List<StationData> stations, List<AreaData> areas, List<AccountData> accounts) {
        throw new UnsupportedOperationException();
    }
}
