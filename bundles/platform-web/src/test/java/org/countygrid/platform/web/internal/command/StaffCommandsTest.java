package org.countygrid.platform.web.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.countygrid.platform.testing.ShellSession;
import org.countygrid.platform.web.internal.admin.StaffAccounts;
import org.countygrid.platform.web.internal.admin.UserAccounts;
import org.countygrid.platform.web.internal.admin.UserAccounts.Added;
import org.countygrid.platform.web.internal.admin.UserAccounts.Changed;
import org.countygrid.platform.web.internal.admin.UserAccounts.Removed;
import org.countygrid.platform.web.internal.rest.LoginRecords;
import org.countygrid.platform.web.internal.security.LoginLockout;
import org.junit.jupiter.api.Test;

/** staff:user-add, staff:user-list and staff:user-remove over a user file kept in memory. */
class StaffCommandsTest {

    /** The user file: user -> roles; what was stored as the password is kept aside. */
    private final Map<String, List<String>> file = new LinkedHashMap<>(Map.of("admin", List.of("admin", "ssh", "office.QS")));
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private boolean fileKeepsChanging;
    private boolean hashes = true;
    private String writerThread;

    private final UserAccounts accounts = new UserAccounts() {
        @Override
        public boolean hasUsers() {
            return !file.isEmpty();
        }

        @Override
        public boolean hashesPasswords() {
            return hashes;
        }

        @Override
        public Map<String, List<String>> usersWithRoles() {
            return file;
        }

        @Override
        public void add(String user, String password, List<String> roles) {
            throw new AssertionError("the command waits for the file");
        }

        @Override
        public Added addIfAbsent(String user, String password, List<String> roles) {
            writerThread = Thread.currentThread().getName();
            if (file.containsKey(user)) {
                return Added.EXISTS;
            }
            file.put(user, new ArrayList<>(roles));
            passwords.put(user, password);
            return fileKeepsChanging ? Added.UNSETTLED : Added.ADDED;
        }

        @Override
        public Changed changePassword(String user, String password) {
            if (!file.containsKey(user)) {
                return Changed.ABSENT;
            }
            passwords.put(user, password);
            return Changed.CHANGED;
        }

        @Override
        public Removed removeIfPresent(String user, String keptRole) {
            if (!file.containsKey(user)) {
                return Removed.ABSENT;
            }
            if (file.get(user).contains(keptRole) && file.values().stream().filter(r -> r.contains(keptRole)).count() <= 1) {
                return Removed.LAST_HOLDER;
            }
            file.remove(user);
            return fileKeepsChanging ? Removed.UNSETTLED : Removed.REMOVED;
        }
    };

    private final StaffAccounts staff = new StaffAccounts(List.of(), List.of()) {
        @Override
        public Optional<UserAccounts> accounts() {
            return Optional.of(accounts);
        }

        @Override
        public Optional<List<String>> knownOffices() {
            return Optional.of(List.of("QS", "QS01"));
        }
    };

    private ShellSession.Output add(String role, String... arguments) throws Exception {
        UserAddCommand command = new UserAddCommand();
        command.staff = staff;
        command.user = arguments[0];
        command.password = arguments[1];
        command.office = arguments[2];
        command.roles = List.of(arguments).subList(3, arguments.length);
        return new ShellSession("it", role, "office.QS").run(command::execute);
    }

    @Test
    void anAdminAddsAUserOfAnOfficeWithItsRoles() throws Exception {
        ShellSession.Output out = add("admin", "disp_qs", "Disp-Passw0rd", "QS", "dispatcher", "ssh");

        assertThat(out.failed()).isFalse();
        assertThat(out.out()).contains("Added disp_qs of office QS with the roles dispatcher, ssh");
        assertThat(file.get("disp_qs")).containsExactly("dispatcher", "ssh", "office.QS");
        assertThat(passwords.get("disp_qs")).isEqualTo("Disp-Passw0rd");
        // Karaf names the session's thread after the command line: the write, and what it logs, runs elsewhere
        assertThat(writerThread).isEqualTo("countygrid-staff-user-file");
    }

    @Test
    void badInputIsExplainedAndChangesNothing() throws Exception {
        ShellSession.Output out = add("admin", "disp qs", "pw", "QS", "boss");

        assertThat(out.failed()).isTrue();
        assertThat(out.err()).startsWith("Error: ").contains("user: ", "password: at least 8 characters", "roles: unknown boss")
                .doesNotContain("Exception");
        assertThat(file).containsOnlyKeys("admin");
    }

    @Test
    void anOfficeTheDatabaseDoesNotKnowIsRefused() throws Exception {
        UserAddCommand command = new UserAddCommand();
        command.staff = staff;
        command.user = "li";
        command.password = "Li-Passw0rd";
        command.office = "QX";
        command.roles = List.of("operator");

        ShellSession.Output out = new ShellSession("it", "admin", "office.QX").run(command::execute);

        assertThat(out.err()).contains("office QX is not known to this database (known: QS, QS01); nothing changed");
        assertThat(file).containsOnlyKeys("admin");
    }

    @Test
    void anAdminManagesTheLoginsOfTheirOwnOfficeOnly() throws Exception {
        file.put("qt_admin", new ArrayList<>(List.of("admin", "office.QS01")));
        ShellSession.Output added = add("admin", "li", "Li-Passw0rd", "QS01", "operator");
        assertThat(added.err()).contains("the new login belongs to office QS01; you manage the logins of office QS only");
        assertThat(file).doesNotContainKey("li");

        ShellSession.Output removed = remove("admin", "qt_admin");
        // in the words of a login that does not exist: nothing tells another office's admin that it does, or where
        assertThat(removed.err()).contains("there is no user 'qt_admin' in office QS; nothing changed").doesNotContain("QS01");
        assertThat(removed.err()).isEqualTo(remove("admin", "nobody").err().replace("nobody", "qt_admin"));
        UserPasswordCommand password = new UserPasswordCommand();
        password.staff = staff;
        password.logins = new LoginRecords(LoginLockout.off());
        password.user = "qt_admin";
        password.password = "Taken-Over-1";
        assertThat(new ShellSession("it", "admin", "office.QS").run(password::execute).err())
                .contains("there is no user 'qt_admin' in office QS").doesNotContain("QS01");
        assertThat(file).containsKey("qt_admin");
        assertThat(passwords).doesNotContainKey("qt_admin");
    }

    @Test
    void anotherOfficesLockIsNotLiftedOrListedBySpellingTheNameInAnotherCase() throws Exception {
        file.put("li", new ArrayList<>(List.of("operator", "office.QS01")));
        LoginLockout lockout = new LoginLockout(1, java.time.Duration.ofMinutes(15), java.time.Clock.systemUTC());
        lockout.failed("li");
        UserUnlockCommand unlock = new UserUnlockCommand();
        unlock.staff = staff;
        unlock.logins = new LoginRecords(lockout);
        unlock.user = "LI";
        LoginLocksCommand list = new LoginLocksCommand();
        list.staff = staff;
        list.logins = unlock.logins;

        assertThat(new ShellSession("it", "admin", "office.QS").run(unlock::execute).err())
                .contains("there is no user 'LI' in office QS").doesNotContain("QS01");
        assertThat(lockout.lockedFor("li")).isPresent();
        unlock.user = "ghost"; // no login, not locked: the same words, so that the answer above tells nothing
        assertThat(new ShellSession("it", "admin", "office.QS").run(unlock::execute).err())
                .contains("there is no user 'ghost' in office QS");
        unlock.user = "LI";
        assertThat(new ShellSession("it", "admin", "office.QS").run(list::execute).out()).doesNotContain("li ");
    }

    @Test
    void noPasswordIsStoredInClearText() throws Exception {
        hashes = false;

        ShellSession.Output out = add("admin", "li", "Li-Passw0rd", "QS", "operator");

        assertThat(out.err()).contains("does not enable password encryption");
        assertThat(file).containsOnlyKeys("admin");
    }

    @Test
    void aPasswordTypedInTheWrongPlaceIsNotEchoed() throws Exception {
        ShellSession.Output out = add("admin", "Li-Passw0rd!", "li", "Secret-Passw0rd", "operator");

        assertThat(out.failed()).isTrue();
        assertThat(out.err()).contains("user: ", "office: ").doesNotContain("Li-Passw0rd!", "Secret-Passw0rd");
    }

    @Test
    void anExistingUserIsNotOverwritten() throws Exception {
        ShellSession.Output out = add("admin", "admin", "New-Passw0rd", "QS", "operator");

        assertThat(out.err()).contains("the user 'admin' exists already (names are compared ignoring case); nothing changed");
        assertThat(file.get("admin")).containsExactly("admin", "ssh", "office.QS");
        assertThat(passwords).isEmpty();
    }

    @Test
    void onlyAnAdminAddsUsers() throws Exception {
        ShellSession.Output out = add("operator", "li", "Li-Passw0rd", "QS", "operator");

        assertThat(out.failed()).isTrue();
        assertThat(out.err()).contains("needs one of the roles admin");
        assertThat(file).containsOnlyKeys("admin");
    }

    @Test
    void aFileThatNeverSettlesIsReported() throws Exception {
        fileKeepsChanging = true;

        ShellSession.Output out = add("admin", "li", "Li-Passw0rd", "QS", "operator");

        assertThat(out.err()).contains("etc/users.properties kept changing while 'li' was added");
    }

    @Test
    void theListShowsTheUsersOfTheAdminsOfficeWithTheirRoles() throws Exception {
        add("admin", "disp_qs", "Disp-Passw0rd", "QS", "dispatcher");
        file.put("aud_xy", List.of("auditor", "office.XY"));
        UserListCommand list = new UserListCommand();
        list.staff = staff;

        ShellSession.Output out = new ShellSession("it", "admin", "office.QS").run(list::execute);

        assertThat(out.out().lines().filter(l -> l.contains("disp_qs")).findFirst().orElseThrow()).contains("QS", "dispatcher")
                .doesNotContain("office.");
        assertThat(out.out()).doesNotContain("aud_xy");
    }

    private ShellSession.Output remove(String admin, String user) throws Exception {
        UserRemoveCommand command = new UserRemoveCommand();
        command.staff = staff;
        command.user = user;
        return new ShellSession(admin, "admin", "office.QS").run(command::execute);
    }

    @Test
    void someoneWhoLeftIsRemoved() throws Exception {
        add("admin", "li", "Li-Passw0rd", "QS", "operator");

        ShellSession.Output out = remove("admin", "li");

        assertThat(out.failed()).as(out.err()).isFalse();
        assertThat(out.out()).contains("Removed li");
        assertThat(file).containsOnlyKeys("admin");
    }

    @Test
    void neitherAnUnknownUserNorOnesOwnLoginNorTheLastAdminIsRemoved() throws Exception {
        assertThat(remove("admin", "nobody").err()).contains("there is no user 'nobody' in office QS; nothing changed");
        assertThat(remove("admin", "admin").err()).contains("you cannot remove your own login");
        file.put("it", List.of("admin", "office.QS"));
        file.put("root2", List.of("operator", "office.QS"));

        assertThat(remove("it", "admin").failed()).isFalse();
        assertThat(remove("root2", "it").err()).contains("'it' is the last admin; add another admin first");
        assertThat(file).containsOnlyKeys("it", "root2");
    }

    @Test
    void anAdminListsTheLockedNamesAndUnlocksOne() throws Exception {
        file.put("li", new ArrayList<>(List.of("operator", "office.QS")));
        LoginLockout lockout = new LoginLockout(2, java.time.Duration.ofMinutes(15), java.time.Clock.systemUTC());
        LoginRecords logins = new LoginRecords(lockout);
        lockout.failed("li");
        lockout.failed("li");

        LoginLocksCommand list = new LoginLocksCommand();
        list.staff = staff;
        list.logins = logins;
        assertThat(new ShellSession("it", "admin", "office.QS").run(list::execute).out()).contains("li", "2");

        UserUnlockCommand unlock = new UserUnlockCommand();
        unlock.staff = staff;
        unlock.logins = logins;
        unlock.user = "li";
        ShellSession.Output done = new ShellSession("it", "admin", "office.QS").run(unlock::execute);
        assertThat(done.out()).contains("Unlocked li");
        assertThat(lockout.lockedFor("li")).isEmpty();

        ShellSession.Output again = new ShellSession("it", "admin", "office.QS").run(unlock::execute);
        assertThat(again.failed()).isTrue();
        assertThat(again.err()).contains("'li' is not locked");
        ShellSession.Output operator = new ShellSession("zhang", "operator", "office.QS").run(unlock::execute);
        assertThat(operator.failed()).as("admins only").isTrue();
    }

    @Test
    void anAdminGivesALoginANewPasswordWhichLiftsItsLockAndEndsItsEarlierSessions() throws Exception {
        file.put("li", new ArrayList<>(List.of("operator", "office.QS")));
        LoginLockout lockout = new LoginLockout(1, java.time.Duration.ofMinutes(15), java.time.Clock.systemUTC());
        LoginRecords logins = new LoginRecords(lockout);
        lockout.failed("li");
        UserPasswordCommand command = new UserPasswordCommand();
        command.staff = staff;
        command.logins = logins;
        command.user = "li";
        command.password = "li";

        ShellSession.Output weak = new ShellSession("it", "admin", "office.QS").run(command::execute);
        assertThat(weak.failed()).isTrue();
        assertThat(weak.err()).contains("at least 8 characters").doesNotContain("li\n");
        assertThat(passwords).doesNotContainKey("li");

        command.password = "Li-New-Passw0rd";
        ShellSession.Output done = new ShellSession("it", "admin", "office.QS").run(command::execute);
        assertThat(done.out()).contains("New password for li");
        assertThat(passwords).containsEntry("li", "Li-New-Passw0rd");
        assertThat(lockout.lockedFor("li")).isEmpty();
        assertThat(logins.passwordChangedAt("li")).isPresent();

        command.user = "nobody";
        assertThat(new ShellSession("it", "admin", "office.QS").run(command::execute).err()).contains("there is no user 'nobody'");
    }

    @Test
    void userNamesCompleteForTheAdminsOfficeOnly() throws Exception {
        file.put("li", new ArrayList<>(List.of("operator", "office.QS")));
        file.put("lin", new ArrayList<>(List.of("operator", "office.QS01")));
        UserCompleter completer = new UserCompleter();
        completer.staff = staff;
        List<String> candidates = new ArrayList<>();

        new ShellSession("it", "admin", "office.QS").run(() -> completer.complete(null,
                new org.countygrid.platform.testing.TypedCommandLine("staff:user-password", "li"), candidates));

        assertThat(candidates).extracting(String::strip).containsExactly("li");
    }
}
