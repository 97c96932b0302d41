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
import org.countygrid.customers.NewArea;
import org.countygrid.customers.NewStation;
import org.countygrid.customers.StationData;
import org.countygrid.customers.StationView;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;

/** A register of two accounts, one station CG with one area CG-001, that remembers who asked what. */
public final class FakeCustomerService implements CustomerService {

    public static final AccountView WANG = account("3101000001", "王建国");
    public static final AccountView LI = account("3101000002", "李秀英");

    public final List<Caller> callers = new ArrayList<>();
    public final List<Object> commands = new ArrayList<>();
    /** The change the last {@code changeAccount} was given. */
    public AccountChange lastChange;
    /** When set, adding a station fails with it, as the real rules would. */
    public RuntimeException addStationFailure;

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
        lastChange = change;
        return account(number.value(), change.name());
    }

    @Override
    public AccountView closeAccount(Caller caller, AccountNumber number, String reason, OptionalLong expectedVersion) {
        callers.add(caller);
        commands.add("close " + number + " " + reason + " version "
                + (expectedVersion.isPresent() ? String.valueOf(expectedVersion.getAsLong()) : "none"));
        return account(number.value(), "王建国");
    }

    @Override
    public List<StationView> stations(Caller caller) {
        callers.add(caller);
        return List.of(new StationView("CG", "城关供电所", 42));
    }

    public static final AreaView CG_001 = new AreaView("CG-001", "城关镇1号台区", "CG", 400);

    @Override
    public List<AreaView> areas(Caller caller, String stationCode) {
        callers.add(caller);
        commands.add("areas " + stationCode);
        if (!stationCode.equals("CG")) {
            throw Problem.notFound("supply station " + stationCode);
        }
        return List.of(CG_001);
    }

    @Override
    public AreaView area(Caller caller, String areaCode) {
        callers.add(caller);
        commands.add("area " + areaCode);
        if (!areaCode.equals(CG_001.code())) {
            throw Problem.notFound("transformer area " + areaCode);
        }
        return CG_001;
    }

    @Override
    public StationView addStation(Caller caller, NewStation station) {
        callers.add(caller);
        if (addStationFailure != null) {
            throw addStationFailure;
        }
        commands.add(station);
        return new StationView(station.code(), station.name(), 0);
    }

    @Override
    public AreaView addArea(Caller caller, String stationCode, NewArea area) {
        callers.add(caller);
        commands.add("add-area " + stationCode + " " + area);
        return new AreaView(area.code(), area.name(), stationCode, area.capacityKva() == null ? 0 : area.capacityKva());
    }

    @Override
    public ImportSummary importCounty(Caller caller, List<StationData> stations, List<AreaData> areas, List<AccountData> accounts) {
        throw new UnsupportedOperationException();
    }
}
