package org.countygrid.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.Test;

class DemoCountyLoaderTest {

    private static final OfficeCode QS = OfficeCode.of("QS");

    private final Register register = new Register();

    @Test
    void loadsTheCountyIntoTheNodesOfficeOnce() throws Exception {
        start(config(true, 2, 4, 50));
        start(config(true, 2, 4, 50));

        assertThat(register.imports).singleElement().satisfies(i -> {
            assertThat(i.caller().office()).isEqualTo(QS);
            assertThat(i.stations()).isEqualTo(2);
            assertThat(i.areas()).isEqualTo(4);
            assertThat(i.accounts()).isEqualTo(50);
        });
    }

    @Test
    void leavesAnOfficeWithStationsButNoAccountsAlone() throws Exception {
        register.stations.add(new StationView("CG", "城关供电所", 0));

        start(config(true, 2, 4, 50));

        assertThat(register.imports).isEmpty();
    }

    @Test
    void doesNothingWhenDisabled() throws Exception {
        start(config(false, 2, 4, 50));

        assertThat(register.imports).isEmpty();
        assertThat(register.asked).isZero();
    }

    @Test
    void survivesAFailedImport() throws Exception {
        register.failWith = Problem.conflict("clash");

        start(config(true, 2, 4, 50));

        assertThat(register.imports).isEmpty();
        assertThat(register.asked).isEqualTo(1);
    }

    @Test
    void settlesOnceTheLoadHasEndedWhateverItsOutcome() throws Exception {
        CountDownLatch importing = new CountDownLatch(1);
        register.beforeImport = () -> await(importing);
        register.failWith = Problem.conflict("clash");
        DemoCountyLoader failed = new DemoCountyLoader(register, new Node(), config(true, 2, 4, 50),
                Executors.newSingleThreadExecutor());
        assertThat(failed.awaitSettled(200, TimeUnit.MILLISECONDS)).isFalse();
        importing.countDown();
        assertThat(failed.awaitSettled(10, TimeUnit.SECONDS)).isTrue();
        failed.stop();
        assertThat(register.imports).isEmpty();

        register.failWith = null;
        DemoCountyLoader loading = new DemoCountyLoader(register, new Node(), config(true, 2, 4, 50),
                Executors.newSingleThreadExecutor());
        assertThat(loading.awaitSettled(10, TimeUnit.SECONDS)).isTrue();
        assertThat(register.imports).hasSize(1);
        loading.stop();

        DemoCountyLoader disabled = new DemoCountyLoader(register, new Node(), config(false, 2, 4, 50),
                Executors.newSingleThreadExecutor());
        assertThat(disabled.awaitSettled(0, TimeUnit.MILLISECONDS)).isTrue();
        disabled.stop();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(DemoConfig config) throws InterruptedException {
        // stop() waits for the background load: the test sees its outcome
        new DemoCountyLoader(register, new Node(), config, Executors.newSingleThreadExecutor()).stop();
    }

    private static DemoConfig config(boolean enabled, int stations, int areas, int accounts) {
        return new DemoConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoConfig.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public long seed() {
                return 7;
            }

            @Override
            public int stations() {
                return stations;
            }

            @Override
            public int areas() {
                return areas;
            }

            @Override
            public int accounts() {
                return accounts;
            }

            @Override
            public int readingDays() {
                return 2;
            }
        };
    }

    private static final class Node implements NodeIdentity {
        @Override
        public OfficeCode office() {
            return QS;
        }

        @Override
        public String officeName() {
            return "青山县供电公司";
        }

        @Override
        public String nodeName() {
            return "qs-node-1";
        }

        @Override
        public String version() {
            return "0.1.0";
        }
    }

    /** A register that counts what it holds and remembers imports. */
    private static final class Register implements CustomerService {

        @Override
        public AreaView area(Caller caller, String areaCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StationView addStation(Caller caller, NewStation station) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AreaView addArea(Caller caller, String stationCode, NewArea area) {
            throw new UnsupportedOperationException();
        }

        record Import(Caller caller, int stations, int areas, int accounts) {
        }

        final List<Import> imports = new ArrayList<>();
        final List<StationView> stations = new ArrayList<>();
        int asked;
        RuntimeException failWith;
        Runnable beforeImport = () -> { };

        @Override
        public Page<AccountView> searchAccounts(Caller caller, String q, int offset, int limit) {
            asked++;
            long total = imports.stream().mapToLong(Import::accounts).sum();
            return new Page<>(List.of(), total, offset, limit);
        }

        @Override
        public List<StationView> stations(Caller caller) {
            return stations;
        }

        @Override
        public ImportSummary importCounty(Caller caller, List<StationData> s, List<AreaData> a, List<AccountData> accounts) {
            beforeImport.run();
            if (failWith != null) {
                throw failWith;
            }
            imports.add(new Import(caller, s.size(), a.size(), accounts.size()));
            return new ImportSummary(s.size(), a.size(), accounts.size(), 1);
        }

        @Override
        public AccountView account(Caller caller, AccountNumber number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountView openAccount(Caller caller, NewAccount account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountView changeAccount(Caller caller, AccountNumber n, AccountChange c, OptionalLong v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountView closeAccount(Caller caller, AccountNumber number, String reason, java.util.OptionalLong expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AreaView> areas(Caller caller, String stationCode) {
            throw new UnsupportedOperationException();
        }
    }
}
