package org.countygrid.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.countygrid.customers.internal.TestCounty.QS;
import static org.countygrid.customers.internal.TestCounty.operator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.NewArea;
import org.countygrid.customers.NewStation;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.testing.ConsoleTexts;
import org.countygrid.platform.testing.RecordingModuleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator reads in the customers panel (console/customers/messages.js under Node.js, with the console
 * kit) when the real service refuses: every refusal the panel can meet reads as Chinese in zh, and the 409 that
 * means "someone else changed it" is told apart from the other 409s (only it offers to reload).
 */
class ConsoleTextTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final String MESSAGES = "console/customers/messages.js";

    @TempDir
    Path work;

    private CustomerServiceImpl service;

    @BeforeEach
    void start() {
        RecordingModuleStore store = new RecordingModuleStore(CustomerServiceImpl.UNIT, CustomerServiceImpl.CHANGELOG,
                getClass().getClassLoader());
        service = new CustomerServiceImpl(store, CustomersConfigs.defaults(),
                Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC));
        TestCounty.load(service, QS);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void everyRefusalOfTheServiceReadsInChinese() throws Exception {
        AccountView wang = service.account(operator(QS), AccountNumber.of("3101000001"));
        AccountView li = service.account(operator(QS), AccountNumber.of("3101000002"));
        service.closeAccount(operator(QS), AccountNumber.of(li.number()), "迁出");
        List<Problem> problems = List.of(
                refusal(() -> service.account(operator(QS), AccountNumber.of("3109999999"))),
                refusal(() -> service.areas(operator(QS), "NOPE")),
                refusal(() -> service.addArea(operator(QS), "NOPE", new NewArea("NOPE-T1", "新台区", 200))),
                refusal(() -> service.changeAccount(operator(QS), AccountNumber.of(wang.number()), AccountChange.of(wang),
                        OptionalLong.of(wang.version() + 1))),
                refusal(() -> service.changeAccount(operator(QS), AccountNumber.of(li.number()), AccountChange.of(li),
                        OptionalLong.empty())),
                refusal(() -> service.closeAccount(operator(QS), AccountNumber.of(li.number()), "再销一次")),
                refusal(() -> service.searchAccounts(operator(QS), "长".repeat(101), 0, 20)),
                refusal(() -> service.openAccount(TestCounty.caller(QS, "auditor"), TestCounty.newAccount("3101000100"))));
        List<String> json = problems.stream().map(ConsoleTexts::json).toList();
        ConsoleTexts panel = ConsoleTexts.of(MESSAGES, work);

        List<String> zh = panel.call("problemMessage", "zh", json);
        List<String> en = panel.call("problemMessage", "en", json);

        ConsoleTexts.requireTranslated(problems.stream().map(Problem::getMessage).toList(), zh, en);
        assertThat(zh.get(0)).isEqualTo("本单位没有户号 3109999999");
        assertThat(zh.get(3)).isEqualTo("户号 3101000001 已被他人修改，请重新加载后再改。");
        assertThat(zh.get(4)).isEqualTo("户号 3101000002 已销户，不能再修改或销户。");
        assertThat(panel.call("isStale", "zh", json.subList(3, 6))).containsExactly("true", "false", "false");
    }

    @Test
    void everyFieldMessageOfTheFormsReadsInChinese() throws Exception {
        ValidationException account = (ValidationException) refusal(() -> service.openAccount(operator(QS),
                new NewAccount("31010", "名".repeat(61), "", "12345", null, null, null, "XX-001")));
        ValidationException taken = (ValidationException) refusal(() -> service.openAccount(operator(QS),
                TestCounty.newAccount("3101000001")));
        ValidationException control = (ValidationException) refusal(() -> service.openAccount(operator(QS),
                new NewAccount("3101000101", "王\u0000小明", "人民路1号\n2号", "13800138000", null, null, null, "CG-001")));
        ValidationException station = (ValidationException) refusal(() -> service.addStation(operator(QS),
                new NewStation("cg", "")));
        ValidationException stationTaken = (ValidationException) refusal(() -> service.addStation(operator(QS),
                new NewStation("CG", "城关二所")));
        ValidationException areaTaken = (ValidationException) refusal(() -> service.addArea(operator(QS), "CG",
                new NewArea("CG-001", "台区", 100)));
        ValidationException area = (ValidationException) refusal(() -> service.addArea(operator(QS), "CG",
                new NewArea("-X", "台区", 0)));
        ValidationException important = (ValidationException) refusal(() -> new org.countygrid.customers.internal.rest
                .AccountUpdate("王小明", "人民路1号", "13800138000", null, null, null, "CG-001", null).toChange());
        List<String> messages = java.util.stream.Stream.of(account, taken, control, station, stationTaken, areaTaken, area,
                        important)
                .flatMap(v -> v.errors().stream()).map(e -> ConsoleTexts.quote(e.message())).toList();
        ConsoleTexts panel = ConsoleTexts.of(MESSAGES, work);

        List<String> zh = panel.call("fieldMessage", "zh", messages);

        assertThat(messages).hasSizeGreaterThanOrEqualTo(14);
        assertThat(control.byField()).containsEntry("name", "must not contain control characters")
                .containsEntry("address", "must not contain control characters");
        for (int i = 0; i < messages.size(); i++) {
            assertThat(zh.get(i)).as("zh of %s", messages.get(i)).containsPattern(CHINESE);
        }
    }

    private static Problem refusal(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(Problem.class);
        return (Problem) thrown;
    }
}
