package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.countygrid.metering.internal.domain.WorkOrderTest.NOW;
import static org.countygrid.metering.internal.domain.WorkOrderTest.OLD;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.Phase;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.testing.ConsoleTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a dispatcher or a field worker reads in the metering panel (console/metering/messages.js under Node.js,
 * with the console kit) when the work order rules refuse: each refusal reads as Chinese in zh, so a message changed
 * here without its translation fails this test instead of showing up in English on a Chinese screen.
 */
class ConsoleTextTest {


    @TempDir
    Path work;

    @Test
    void everyWorkOrderRefusalReadsInChinese() throws Exception {
        WorkOrder open = WorkOrderTest.order(WorkOrderType.REPLACE, Phase.SINGLE);
        WorkOrder unassigned = WorkOrder.create(new NewWorkOrder(WorkOrderType.REPLACE, "3101000001", null, " ", null,
                null), OLD, null, "system", NOW).order();
        WorkOrder suspended = open.suspend("客户不在家").order();
        WorkOrder cancelled = open.cancel("重复派单").order();
        List<Problem> problems = List.of(
                refusal(() -> WorkOrder.create(new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", null, "li", null,
                        null), OLD, null, "zhang", NOW)),
                refusal(() -> WorkOrder.create(new NewWorkOrder(WorkOrderType.REMOVE, "3101000001", null, "li", null,
                        null), null, null, "zhang", NOW)),
                refusal(() -> { open.refuseAnother(); return null; }),
                refusal(() -> unassigned.complete("li", NOW)),
                refusal(() -> open.handOver("li", null)),
                refusal(() -> suspended.complete("li", NOW)),
                refusal(() -> open.resume()),
                refusal(() -> cancelled.suspend("再挂起")),
                refusal(() -> open.complete("wang", NOW)));
        List<String> json = problems.stream().map(ConsoleTexts::json).toList();
        ConsoleTexts panel = ConsoleTexts.of("console/metering/messages.js", work);

        List<String> zh = panel.call("problemMessage", "zh", json);
        List<String> en = panel.call("problemMessage", "en", json);

        ConsoleTexts.requireTranslated(problems.stream().map(Problem::getMessage).toList(), zh, en);
        assertThat(zh.get(0)).isEqualTo("户号 3101000001 已装有表计 " + OLD + "，请改建换表工单");
    }

    @Test
    void theOrderFormsFieldMessagesReadInChinese() throws Exception {
        ValidationException invalid = (ValidationException) refusal(() -> WorkOrder.create(new NewWorkOrder(null,
                "31010", null, "工".repeat(200), null, null), null, null, "zhang", NOW));
        List<String> messages = invalid.errors().stream().map(e -> ConsoleTexts.quote(e.message())).toList();

        List<String> zh = ConsoleTexts.of("console/metering/messages.js", work).call("fieldMessage", "zh", messages);

        assertThat(messages).hasSize(3);
        assertThat(zh).containsExactly("必填", "户号必须是10位数字", "最多60个字符");
    }

    @Test
    void theStockAndQueryRefusalsReadInChinese() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 28);
        org.countygrid.platform.api.FieldErrors days = new org.countygrid.platform.api.FieldErrors();
        ReadingTimes.checkQueried(days, "to", java.time.LocalDate.MAX);
        List<Problem> problems = List.of(
                refusal(() -> AssetLife.verificationDay(today.plusDays(1), today)),
                refusal(() -> { days.throwIfAny(); return null; }),
                refusal(() -> Texts.require("reason", "a\u0000b", 200)),
                refusal(() -> Texts.require("reason", "\uD83D表坏了", 200)),
                Problem.notFound("supply station NOPE"),
                new Problem(404, "Not Found", "account 3101009999 has had no meter in this office"));
        List<String> json = problems.stream().map(ConsoleTexts::json).toList();
        ConsoleTexts panel = ConsoleTexts.of("console/metering/messages.js", work);

        List<String> zh = panel.call("problemMessage", "zh", json);
        List<String> en = panel.call("problemMessage", "en", json);

        ConsoleTexts.requireTranslated(problems.stream().map(Problem::getMessage).toList(), zh, en);
        assertThat(zh.get(0)).contains("须在2000-01-01到今天（2026-11-28）之间");
        assertThat(zh.get(4)).isEqualTo("本单位没有供电所 NOPE");
    }

    private static Problem refusal(Supplier<Object> call) {
        Throwable thrown = catchThrowable(call::get);
        assertThat(thrown).isInstanceOf(Problem.class);
        return (Problem) thrown;
    }
}
