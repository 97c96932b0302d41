package org.countygrid.customers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

import org.countygrid.customers.AccountStatus;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.customers.event.AccountChanged.FieldChange;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant OPENED = Instant.parse("2020-01-02T03:04:05Z");
    private static final Instant LATER = Instant.parse("2026-11-26T08:00:00Z");

    /** An office with one stored account, 3101000001, and the areas A1 and A2. */
    private static final OfficeRecords OFFICE = new OfficeRecords() {
        @Override
        public boolean accountExists(String number) {
            return number.equals("3101000001");
        }

        @Override
        public boolean areaExists(String areaCode) {
            return Set.of("A1", "A2").contains(areaCode);
        }
    };

    static AccountDetails details(String name, String phone, Category category, VoltageLevel voltage, String area) {
        return new AccountDetails(name, phone, new Premise("城关镇人民路1号", area), category, voltage, null);
    }

    private static Account opened() {
        return Account.open("3101000002", details("王芳", "13812345678", Category.RESIDENTIAL, VoltageLevel.V220, "A1"),
                OFFICE, OPENED);
    }

    @Test
    void opensWithCleanedFieldsAndNoImportantClass() {
        Account account = Account.open(" 3101000002 ", details(" 王芳 ", " 0571-88888888 ", Category.RESIDENTIAL,
                VoltageLevel.V220, " A1 "), OFFICE, OPENED);

        assertThat(account.number().value()).isEqualTo("3101000002");
        assertThat(account.details().name()).isEqualTo("王芳");
        assertThat(account.details().phone()).isEqualTo("0571-88888888");
        assertThat(account.details().premise().areaCode()).isEqualTo("A1");
        assertThat(account.details().importantClass()).isEqualTo(ImportantUserClass.NONE);
        assertThat(account.status()).isEqualTo(AccountStatus.OPEN);
        assertThat(account.openedAt()).isEqualTo(OPENED);
    }

    @Test
    void collectsEveryBadFieldNamedAsInJson() {
        AccountDetails bad = new AccountDetails("", "1381234", new Premise(null, "ZZ"), null, null, null);

        assertThatThrownBy(() -> Account.open("12ab", bad, OFFICE, OPENED))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys(
                        "number", "name", "phone", "address", "areaCode", "category", "voltageLevel"));
    }

    @Test
    void refusesATakenNumber() {
        assertThatThrownBy(() -> Account.open("3101000001", opened().details(), OFFICE, OPENED))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("number"));
    }

    @Test
    void refusesHighVoltageForAHousehold() {
        assertThatThrownBy(() -> Account.open("3101000002", details("王芳", "13812345678", Category.RESIDENTIAL,
                VoltageLevel.KV10, "A1"), OFFICE, OPENED))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("voltageLevel"));
    }

    @Test
    void refusesOverlongText() {
        assertThatThrownBy(() -> Account.open("3101000002", details("王".repeat(61), "13812345678",
                Category.RESIDENTIAL, VoltageLevel.V220, "A1"), OFFICE, OPENED))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("name", "must be at most 60 characters"));
    }

    @Test
    void changeReportsWhatDiffers() {
        Account.Changed changed = opened().change(details("王芳", "13900000000", Category.COMMERCIAL,
                VoltageLevel.V380, "A2"), OFFICE);

        assertThat(changed.changes()).containsExactly(new FieldChange("phone", "13812345678", "13900000000"),
                new FieldChange("areaCode", "A1", "A2"), new FieldChange("category", "RESIDENTIAL", "COMMERCIAL"),
                new FieldChange("voltageLevel", "V220", "V380"));
        assertThat(changed.account().details().phone()).isEqualTo("13900000000");
        assertThat(changed.account().number()).isEqualTo(opened().number());
    }

    @Test
    void changeValidatesLikeOpen() {
        assertThatThrownBy(() -> opened().change(details("", "x", Category.RESIDENTIAL, VoltageLevel.V220, "A9"), OFFICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("name", "phone", "areaCode"));
    }

    @Test
    void closeNeedsAReasonAndKeepsTheData() {
        assertThatThrownBy(() -> opened().close(" ", LATER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("reason"));

        Account closed = opened().close("用户申请销户", LATER);

        assertThat(closed.status()).isEqualTo(AccountStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(LATER);
        assertThat(closed.closeReason()).isEqualTo("用户申请销户");
        assertThat(closed.details()).isEqualTo(opened().details());
        assertThat(closed.openedAt()).isEqualTo(OPENED);
    }

    @Test
    void aClosedAccountCanNeitherBeClosedAgainNorChanged() {
        Account closed = opened().close("拆迁", LATER);

        assertThatThrownBy(() -> closed.close("again", LATER))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(() -> closed.change(opened().details(), OFFICE))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }

    @Test
    void aStaleVersionConflicts() {
        Account account = new Account(opened().number(), opened().details(), AccountStatus.OPEN, OPENED, null, null, 4);

        account.requireVersion(OptionalLong.empty());
        account.requireVersion(OptionalLong.of(4));
        assertThatThrownBy(() -> account.requireVersion(OptionalLong.of(3)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }
}
