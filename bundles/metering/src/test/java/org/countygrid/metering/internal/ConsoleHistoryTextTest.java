package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.M2;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.SCANNER;
import static org.countygrid.metering.internal.TestMetering.field;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.WorkOrderStep;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.testing.ConsoleTexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the metering panel shows of the history the server writes — a meter's audit rows, a work order's step
 * notes, a refused delivery file's line and column — read through console/metering/messages.js under Node.js: in
 * Chinese each is Chinese, not the server's English.
 */
class ConsoleHistoryTextTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b(?:of|to|at|into|on|from|total|assigned|not)\\b");

    private static final Caller LI = field(QS, "li");
    private static final String ACCOUNT = "3101000001";

    @TempDir
    Path work;

    private final TestMetering metering = new TestMetering();

    @AfterEach
    void stop() {
        metering.close();
    }

    @Test
    void aMetersHistoryAndAnOrdersStepsReadInChinese() throws Exception {
        metering.stockAtStation(QS);
        metering.meters.receive(LI, M1, "CG", SCANNER);
        metering.meters.receive(LI, M2, "CG", SCANNER);
        long install = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL,
                ACCOUNT, null, null, null, null)).id();
        metering.orders.handOver(operator(QS), install, "wang", "城关所派工");
        metering.orders.handOver(operator(QS), install, "li", "王师傅请假");
        metering.orders.scan(LI, install, M1, SCANNER);
        metering.collectEvidence(LI, install);
        metering.orders.complete(LI, install, null, SCANNER);
        long replace = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REPLACE,
                ACCOUNT, null, "li", null, null)).id();
        metering.orders.scan(LI, replace, M2, SCANNER);
        metering.orders.recordFinalReadings(LI, replace, new FinalReadings(new BigDecimal("12.50"), null, null, null, "ERR-04"));

        List<String> audit = metering.meters.history(operator(QS), M1).stream().map(MeterTransitionView::detail).toList();
        List<String> notes = java.util.stream.Stream.concat(
                metering.orders.order(operator(QS), install).history().stream(),
                metering.orders.order(operator(QS), replace).history().stream())
                .map(WorkOrderStep::note).filter(n -> n != null && !n.isBlank() && !n.matches("\\d{22}|li")).toList();
        ConsoleTexts panel = ConsoleTexts.of("console/metering/messages.js", work);

        List<String> auditZh = panel.call("auditText", "zh", audit.stream().map(ConsoleTexts::quote).toList());
        List<String> notesZh = panel.call("noteText", "zh", notes.stream().map(ConsoleTexts::quote).toList());

        assertThat(audit).hasSizeGreaterThanOrEqualTo(5);
        assertThat(notes).hasSizeGreaterThanOrEqualTo(6);
        for (List<String> texts : List.of(auditZh, notesZh)) {
            assertThat(texts).allSatisfy(text -> assertThat(text).containsPattern(CHINESE).doesNotContainPattern(ENGLISH_WORD));
        }
        assertThat(panel.call("auditText", "zh", List.of(ConsoleTexts.quote("back to warehouse: 李师傅离职"))))
                .containsExactly("退库：李师傅离职");
        assertThat(notesZh).contains("派给 wang：城关所派工", "由 wang 转派给 li：王师傅请假", "总示数 12.50 kWh，故障代码 ERR-04");
        assertThat(panel.call("noteText", "en", List.of(ConsoleTexts.quote(notes.get(0))))).containsExactly(notes.get(0));
    }

    @Test
    void aRetakenPhotoAndACancellingByAClosedAccountReadInChinese() throws Exception {
        metering.stockAtStation(QS);
        metering.meters.receive(LI, M1, "CG", SCANNER);
        long install = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL,
                ACCOUNT, null, "li", null, null)).id();
        metering.orders.scan(LI, install, M1, SCANNER);
        metering.collectEvidence(LI, install); // signed
        metering.orders.attachPhoto(LI, install, org.countygrid.metering.OrderFileKind.NEW_METER_PHOTO, "image/png",
                TestMetering.image("png", 4), SCANNER); // retaken: the signature is void
        metering.accounts((caller, number) -> new AccountRegister.AccountFacts("王小明", "城关镇人民路18号", "TQ-0001", true));
        metering.orders.request(Caller.system(QS), new NewWorkOrder(WorkOrderType.REMOVE, ACCOUNT, null, null, null,
                null), "customers.account-closed#5");
        List<WorkOrderStep> steps = metering.orders.order(operator(QS), install).history();
        List<String> notes = steps.subList(steps.size() - 2, steps.size()).stream().map(WorkOrderStep::note).toList();
        ConsoleTexts panel = ConsoleTexts.of("console/metering/messages.js", work);

        List<String> zh = panel.call("noteText", "zh", notes.stream().map(ConsoleTexts::quote).toList());

        assertThat(notes.get(0)).endsWith("is void: the customer signs again");
        assertThat(zh.get(0)).startsWith("新表照片 " + M1 + "（SHA-256 ").endsWith("，王小明 的签名已作废，须重新签字");
        assertThat(zh.get(1)).isEqualTo("客户已销户（来自事件 customers.account-closed#5）");
    }

    @Test
    void anOrderFollowingItsAccountReadsInChinese() throws Exception {
        long install = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL,
                ACCOUNT, null, null, null, null)).id();
        long other = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL,
                "3101000002", "城关镇人民路18号", null, null, null)).id();
        metering.accounts((caller, number) -> new AccountRegister.AccountFacts("王小明", "城关镇东风路47号", "TQ-0002"));
        metering.orders.followAccount(Caller.system(QS), ACCOUNT, null, "customers.account-changed#7");
        metering.orders.followAccount(Caller.system(QS), "3101000002", "城关镇人民路18号", "customers.account-changed#8");
        List<String> notes = java.util.stream.Stream.of(install, other)
                .map(id -> metering.orders.order(operator(QS), id).history())
                .map(steps -> ConsoleTexts.quote(steps.get(steps.size() - 1).note())).toList();
        ConsoleTexts panel = ConsoleTexts.of("console/metering/messages.js", work);

        assertThat(panel.call("noteText", "zh", notes)).containsExactly(
                "台区 - → TQ-0002（来自事件 customers.account-changed#7）",
                "地址 城关镇人民路18号 → 城关镇东风路47号；台区 - → TQ-0002（来自事件 customers.account-changed#8）");
    }

    @Test
    void timesAreShownInChinaTimeWhateverTheZoneOfThePc() throws Exception {
        ConsoleTexts panel = ConsoleTexts.of("console/metering/messages.js", work);
        // the daily reading of 27 November, frozen at 00:00 China time, is 16:00 UTC the day before
        String midnight = ConsoleTexts.quote("2026-11-26T16:00:00Z");

        assertThat(panel.call("formatTime", "zh", List.of(midnight))).containsExactly("2026/11/27 00:00:00");
        assertThat(panel.call("formatTime", "en", List.of(midnight))).containsExactly("27/11/2026, 00:00:00");
    }

    @Test
    void aRefusedDeliveryNamesItsLinesAndColumnsInChinese() throws Exception {
        String csv = TestMetering.DELIVERY.lines().limit(2).reduce("", (a, b) -> a + b + "\n")
                + "3300000000000000000009,QS-A0009,12345,SINGLE,LOCAL,华立,2\n"
                + "3300000000000000000001,QS-A0010,000000000010,SINGLE,LOCAL,华立\n";
        ValidationException refused = (ValidationException) catchThrowable(() -> metering.meters.receiveDelivery(
                operator(QS), "B-2026-12", csv, SCANNER));
        List<String> fields = refused.errors().stream().map(e -> ConsoleTexts.quote(e.field())).toList();
        List<String> messages = refused.errors().stream().map(e -> ConsoleTexts.quote(e.message())).toList();
        ConsoleTexts panel = ConsoleTexts.of("console/metering/messages.js", work);

        List<String> columns = panel.call("columnText", "zh", fields);
        List<String> reasons = panel.call("fieldMessage", "zh", messages);

        assertThat(columns).contains("第3行 通信地址", "第4行 列数");
        assertThat(reasons).contains("通信地址必须是12位数字（BCD码）", "应有7列（逗号分隔），实有6列");
        assertThat(reasons).allSatisfy(text -> assertThat(text).containsPattern(CHINESE));
    }
}
