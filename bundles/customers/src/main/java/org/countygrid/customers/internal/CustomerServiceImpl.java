package org.countygrid.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.AccountData;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.AreaView;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.ImportSummary;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.NewArea;
import org.countygrid.customers.NewStation;
import org.countygrid.customers.StationData;
import org.countygrid.customers.StationView;
import org.countygrid.customers.event.AccountChanged;
import org.countygrid.customers.event.AccountClosed;
import org.countygrid.customers.event.AccountOpened;
import org.countygrid.customers.internal.domain.Texts;
import org.countygrid.customers.internal.domain.Account;
import org.countygrid.customers.internal.domain.AccountDetails;
import org.countygrid.customers.internal.persistence.AccountEntity;
import org.countygrid.customers.internal.persistence.AccountRepository;
import org.countygrid.customers.internal.persistence.StationRepository;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.FreeText;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.Database;
import org.countygrid.platform.data.ModuleStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The customer register: checks the caller's role, runs the domain rules inside one transaction of the
 * caller's office and publishes the resulting event in that same transaction.
 */
// immediate: the schema migration runs, and fails loudly, when the bundle starts rather than at the first request
@Component(service = CustomerService.class, configurationPid = CustomersConfig.PID, immediate = true)
@Designate(ocd = CustomersConfig.class)
public class CustomerServiceImpl implements CustomerService {

    static final String UNIT = "customers";
    static final String CHANGELOG = "db/changelog/customers.xml";
    static final int MAX_QUERY = 100;

    private final ModuleStore store;
    /** Replaced by a configuration change in place: the service stays, an import running meanwhile goes on. */
    private volatile SearchLimits limits;
    private final Clock clock;
    private final CountyImport countyImport;
    private final SupplyNetwork network;
    /** The store is H2, whose searches are told to scan the table (AccountRepository.search). */
    private final boolean h2;

    @Activate
    public CustomerServiceImpl(@Reference Database database, @Reference NodeIdentity node, BundleContext context,
            CustomersConfig config) {
        this(database.open(UNIT, context.getBundle(), CHANGELOG), config, Clock.systemUTC(), node.nodeName());
        countyImport.recover(); // what an import cut off by a crash or a stop of this module left behind
    }

    CustomerServiceImpl(ModuleStore store, CustomersConfig config, Clock clock) {
        this(store, config, clock, "test-node");
    }

    CustomerServiceImpl(ModuleStore store, CustomersConfig config, Clock clock, String node) {
        this.store = store;
        this.limits = SearchLimits.of(config);
        this.clock = clock;
        this.countyImport = new CountyImport(store, clock, node);
        this.network = new SupplyNetwork(store, clock);
        this.h2 = AccountRepository.isH2(store.dataSource());
    }

    /**
     * A change of the search limits takes effect at once, without deactivating the register (which would close the
     * module's store under the requests and an import running meanwhile).
     */
    @Modified
    void modified(CustomersConfig config) {
        this.limits = SearchLimits.of(config);
    }

    @Deactivate
    void close() {
        store.close();
    }

    @Override
    public Page<AccountView> searchAccounts(Caller caller, String q, int offset, int limit) {
        requireRole(caller, CustomerRoles.READ);
        int pageSize = limits.resolve(limit);
        Page.checkRange(offset, pageSize);
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            throw new ValidationException("q", "must be at most " + MAX_QUERY + " characters");
        }
        String unfit = FreeText.problem(query);
        if (unfit != null) {
            throw new ValidationException("q", unfit);
        }
        return store.read(caller.office(), em -> new AccountRepository(em).search(query, offset, pageSize, h2));
    }

    @Override
    public AccountView account(Caller caller, AccountNumber number) {
        requireRole(caller, CustomerRoles.READ);
        return store.read(caller.office(), em -> stored(new AccountRepository(em), number).toView());
    }

    @Override
    public AccountView openAccount(Caller caller, NewAccount command) {
        requireRole(caller, CustomerRoles.WRITE);
        requireBody(command);
        return write(caller.office(), em -> {
            AccountRepository accounts = new AccountRepository(em);
            Account account = Account.open(command.number(), AccountDetails.of(command), accounts, now());
            AccountEntity entity = accounts.add(account, accounts.area(account.details().premise().areaCode()));
            AccountDetails d = account.details();
            store.publish(em, new AccountOpened(caller.office(), account.number().value(), d.name(), d.category(),
                    d.voltageLevel(), d.importantClass(), d.premise().areaCode(), account.openedAt()));
            return entity.toView();
        });
    }

    @Override
    public AccountView changeAccount(Caller caller, AccountNumber number, AccountChange change,
            OptionalLong expectedVersion) {
        requireRole(caller, CustomerRoles.WRITE);
        requireBody(change);
        return write(caller.office(), em -> {
            AccountRepository accounts = new AccountRepository(em);
            AccountEntity entity = stored(accounts, number);
            Account before = entity.toAccount();
            before.requireVersion(expectedVersion);
            Account.Changed changed = before.change(AccountDetails.of(change), accounts);
            if (changed.changes().isEmpty()) {
                return entity.toView();
            }
            entity.apply(changed.account(), accounts.area(changed.account().details().premise().areaCode()));
            em.flush();
            store.publish(em, new AccountChanged(caller.office(), number.value(), changed.changes(), entity.version(), now()));
            return entity.toView();
        });
    }

    @Override
    public AccountView closeAccount(Caller caller, AccountNumber number, String reason, OptionalLong expectedVersion) {
        requireRole(caller, CustomerRoles.WRITE);
        return write(caller.office(), em -> {
            AccountRepository accounts = new AccountRepository(em);
            AccountEntity entity = stored(accounts, number);
            Account before = entity.toAccount();
            before.requireVersion(expectedVersion); // closed from a page read before someone else's change: 409
            Account closed = before.close(reason, now());
            entity.apply(closed, accounts.area(closed.details().premise().areaCode()));
            em.flush();
            store.publish(em, new AccountClosed(caller.office(), number.value(), closed.closeReason(), closed.closedAt()));
            return entity.toView();
        });
    }

    @Override
    public List<StationView> stations(Caller caller) {
        requireRole(caller, CustomerRoles.READ);
        return store.read(caller.office(), em -> new StationRepository(em).stations());
    }

    @Override
    public List<AreaView> areas(Caller caller, String stationCode) {
        requireRole(caller, CustomerRoles.READ);
        String code = requireCode("stationCode", stationCode);
        return store.read(caller.office(), em -> new StationRepository(em).areas(code));
    }

    @Override
    public AreaView area(Caller caller, String areaCode) {
        requireRole(caller, CustomerRoles.READ);
        String code = requireCode("areaCode", areaCode);
        return store.read(caller.office(), em -> new StationRepository(em).findArea(code)
                .orElseThrow(() -> Problem.notFound("transformer area " + code)).toView());
    }

    @Override
    public StationView addStation(Caller caller, NewStation station) {
        requireRole(caller, CustomerRoles.WRITE);
        requireBody(station);
        return network.addStation(caller.office(), station);
    }

    @Override
    public AreaView addArea(Caller caller, String stationCode, NewArea area) {
        requireRole(caller, CustomerRoles.WRITE);
        String station = requireCode("stationCode", stationCode);
        requireBody(area);
        return network.addArea(caller.office(), station, area);
    }

    @Override
    public ImportSummary importCounty(Caller caller, List<StationData> stations, List<AreaData> areas,
            List<AccountData> accounts) {
        requireRole(caller, CustomerRoles.IMPORT);
        return countyImport.run(caller.office(), stations, areas, accounts);
    }

    /** A write of an account someone changed meanwhile (its version, its row lock) is a stale 409, not a 500. */
    private <T> T write(OfficeCode office, Function<EntityManager, T> work) {
        return store.write(office, "the account", work);
    }

    private static AccountEntity stored(AccountRepository accounts, AccountNumber number) {
        return accounts.find(number.value()).orElseThrow(() -> Problem.notFound("account " + number));
    }

    private static void requireRole(Caller caller, Set<String> roles) {
        caller.requireAnyRole(CustomerRoles.array(roles));
    }

    private static String requireCode(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return code.strip();
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new ValidationException("body", "is required");
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
