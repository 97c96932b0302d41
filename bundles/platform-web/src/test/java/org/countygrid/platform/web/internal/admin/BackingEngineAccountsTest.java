package org.countygrid.platform.web.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.junit.jupiter.api.Test;

/** The first user survives a stale rewrite of the user file by another writer (Karaf's automatic encryption). */
class BackingEngineAccountsTest {

    /** The user file: user -> password and roles, as etc/users.properties holds them. */
    private final Map<String, List<String>> file = new LinkedHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    /** An engine over the file; {@code onRead} runs each time a fresh engine reads it. */
    private BackingEngine engine(Runnable onRead) {
        onRead.run();
        reads.incrementAndGet();
        return new FileEngine();
    }

    @Test
    void aStaleRewriteIsRepairedAndTheUserKeepsItsRoles() {
        AtomicInteger corruptions = new AtomicInteger();
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> {
            // the other writer saves what it read after the first save: no roles, and a bogus user of the roles
            if (file.containsKey("admin") && corruptions.getAndIncrement() == 0) {
                file.put("admin", new ArrayList<>(List.of("{CRYPT}h{CRYPT}")));
                file.put("admin,ssh,office.QS", new ArrayList<>(List.of("{CRYPT}e{CRYPT}")));
            }
        }), true, 0, Runnable::run, (u, p) -> false);

        accounts.add("admin", "pw", List.of("admin", "ssh", "office.QS"));

        assertThat(file).containsOnlyKeys("admin");
        assertThat(file.get("admin")).containsExactly("{CRYPT}h{CRYPT}", "admin", "ssh", "office.QS");
    }

    @Test
    void aPasswordThatNoLongerLogsInIsSetAgainAndTheRolesStay() {
        AtomicInteger rewrites = new AtomicInteger();
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> {
            // the other writer hashes the stored hash once more: roles right, password wrong
            if (file.containsKey("admin") && rewrites.getAndIncrement() == 0) {
                file.get("admin").set(0, "{CRYPT}hash-of-h{CRYPT}");
            }
        }), true, 0, Runnable::run, (user, password) -> !file.get(user).get(0).equals("{CRYPT}h{CRYPT}"));

        accounts.add("admin", "pw", List.of("admin", "ssh", "office.QS"));

        assertThat(file.get("admin")).containsExactly("{CRYPT}h{CRYPT}", "admin", "ssh", "office.QS");
    }

    @Test
    void aRemovedUserThatAStaleRewriteBringsBackIsRemovedAgain() {
        file.put("admin", new ArrayList<>(List.of("{CRYPT}h{CRYPT}", "admin", "office.QS")));
        file.put("li", new ArrayList<>(List.of("{CRYPT}l{CRYPT}", "operator", "office.QS")));
        AtomicInteger rewrites = new AtomicInteger();
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> {
            // the other writer saves what it read before the removal, once
            if (!file.containsKey("li") && rewrites.getAndIncrement() == 0) {
                file.put("li", new ArrayList<>(List.of("{CRYPT}l{CRYPT}", "operator", "office.QS")));
            }
        }), true, 0, Runnable::run, (u, p) -> false);

        assertThat(accounts.removeIfPresent("li", "admin")).isEqualTo(UserAccounts.Removed.REMOVED);

        assertThat(file).containsOnlyKeys("admin");
        assertThat(accounts.removeIfPresent("li", "admin")).isEqualTo(UserAccounts.Removed.ABSENT);
    }

    @Test
    void aNewPasswordKeepsTheUsersRolesAndAnUnknownUserGetsNone() {
        file.put("li", new ArrayList<>(List.of("{CRYPT}old{CRYPT}", "operator", "office.QS")));
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> { }), true, 0, Runnable::run,
                (u, p) -> false);

        assertThat(accounts.changePassword("li", "New-Passw0rd")).isEqualTo(UserAccounts.Changed.CHANGED);
        assertThat(file.get("li")).containsExactly("{CRYPT}h{CRYPT}", "operator", "office.QS");
        assertThat(accounts.changePassword("wang", "New-Passw0rd")).isEqualTo(UserAccounts.Changed.ABSENT);
        assertThat(file).containsOnlyKeys("li");
    }

    @Test
    void aNameDifferingOnlyInCaseFromAUsersIsTakenAlready() {
        file.put("qfield", new ArrayList<>(List.of("{CRYPT}q{CRYPT}", "field", "office.QS")));
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> { }), true, 0, Runnable::run,
                (u, p) -> false);

        assertThat(accounts.addIfAbsent("QFIELD", "Other-Passw0rd", List.of("field", "office.QS")))
                .isEqualTo(UserAccounts.Added.EXISTS);
        assertThat(file).containsOnlyKeys("qfield");
    }

    @Test
    void theLastAdminIsNotRemovedEvenWhenTwoAdminsRemoveEachOtherAtOnce() throws Exception {
        file.put("it", new ArrayList<>(List.of("{CRYPT}i{CRYPT}", "admin", "office.QS")));
        file.put("zhao", new ArrayList<>(List.of("{CRYPT}z{CRYPT}", "admin", "office.QS")));
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> { }), true, 0, Runnable::run,
                (u, p) -> false);

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<UserAccounts.Removed> itRemovesZhao = two.submit(() -> accounts.removeIfPresent("zhao", "admin"));
            Future<UserAccounts.Removed> zhaoRemovesIt = two.submit(() -> accounts.removeIfPresent("it", "admin"));
            assertThat(List.of(itRemovesZhao.get(), zhaoRemovesIt.get()))
                    .containsExactlyInAnyOrder(UserAccounts.Removed.REMOVED, UserAccounts.Removed.LAST_HOLDER);
        } finally {
            two.shutdownNow();
        }
        assertThat(file.values()).filteredOn(roles -> roles.contains("admin")).hasSize(1);
    }

    @Test
    void aFileThatStaysRightIsReadBackTwice() {
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> { }), true, 0, Runnable::run,
                (u, p) -> false);

        accounts.add("admin", "pw", List.of("admin", "office.QS"));

        assertThat(file.get("admin")).containsExactly("{CRYPT}h{CRYPT}", "admin", "office.QS");
        assertThat(reads.get()).isEqualTo(3); // the write, then two reads back
    }

    @Test
    void aFileThatKeepsChangingIsReportedAfterAllChecks() {
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> file.remove("admin")), true, 0,
                work -> { }, (u, p) -> false);

        accounts.add("admin", "pw", List.of("admin"));

        assertThat(accounts.settle("admin", "pw", List.of("admin"))).isFalse();
        assertThat(reads.get()).isEqualTo(1 + BackingEngineAccounts.MAX_CHECKS);
    }

    @Test
    void theStartIsNotHeldUpByTheChecks() {
        List<Runnable> later = new ArrayList<>();
        BackingEngineAccounts accounts = new BackingEngineAccounts(() -> engine(() -> { }), true, 0, later::add,
                (u, p) -> false);

        accounts.add("admin", "pw", List.of("admin"));

        assertThat(reads.get()).as("only the write").isEqualTo(1);
        assertThat(later).hasSize(1);
    }

    private final class FileEngine implements BackingEngine {
        @Override
        public void addUser(String username, String password) {
            List<String> entry = file.computeIfAbsent(username, u -> new ArrayList<>(List.of("")));
            entry.set(0, "{CRYPT}h{CRYPT}");
        }

        @Override
        public void deleteUser(String username) {
            file.remove(username);
        }

        @Override
        public List<UserPrincipal> listUsers() {
            return file.keySet().stream().map(UserPrincipal::new).toList();
        }

        @Override
        public UserPrincipal lookupUser(String username) {
            return file.containsKey(username) ? new UserPrincipal(username) : null;
        }

        @Override
        public List<GroupPrincipal> listGroups(UserPrincipal user) {
            return List.of();
        }

        @Override
        public Map<GroupPrincipal, String> listGroups() {
            return Map.of();
        }

        @Override
        public void addGroup(String username, String group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createGroup(String group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteGroup(String username, String group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RolePrincipal> listRoles(Principal principal) {
            List<String> entry = file.getOrDefault(principal.getName(), List.of());
            return entry.stream().skip(1).map(RolePrincipal::new).toList();
        }

        @Override
        public void addRole(String username, String role) {
            List<String> entry = file.get(username);
            if (!entry.contains(role)) {
                entry.add(role);
            }
        }

        @Override
        public void deleteRole(String username, String role) {
            file.get(username).remove(role);
        }

        @Override
        public void addGroupRole(String group, String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteGroupRole(String group, String role) {
            throw new UnsupportedOperationException();
        }
    }
}
