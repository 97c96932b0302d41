package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.ws.rs.NotFoundException;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.web.internal.health.FeatureView;
import org.countygrid.platform.web.internal.health.Readiness;
import org.countygrid.platform.web.internal.problem.ProblemBody;
import org.countygrid.platform.web.internal.problem.ProblemMapping;
import org.countygrid.platform.web.internal.problem.ProblemResponses;
import org.countygrid.platform.web.internal.security.LoginGate;
import org.countygrid.platform.testing.ConsoleTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What staff read in the console when platform-web refuses a request or fails, whatever the panel: the console kit
 * (console/shell/kit/text.js, run under Node.js) on the problem+json bodies this bundle's own code makes. In Chinese
 * each reads as a Chinese sentence, not the English detail; in English the detail stays readable after a sentence
 * naming the kind of failure.
 */
class ConsoleTextTest {

    enum Category { RESIDENTIAL, COMMERCIAL }

    record OpenAccount(String name, Category category, Integer floors) {
    }

    @TempDir
    Path work;

    @Test
    void everyRefusalOfThePlatformReadsInChinese() throws Exception {
        List<ProblemBody> problems = platformProblems();
        List<String> json = problems.stream().map(ProblemResponses::toJson).toList();
        ConsoleTexts kit = ConsoleTexts.of("console/shell/kit/text.js", work);

        List<String> zh = kit.call("problemText", "zh", json);
        List<String> en = kit.call("problemText", "en", json);

        ConsoleTexts.requireTranslated(problems.stream().map(ProblemBody::detail).toList(), zh, en);
        assertThat(zh.get(problems.size() - 1)).as("a 500 keeps its error id").contains(problems.get(problems.size() - 1).errorId());
    }

    @Test
    void anUnknownMessageIsShownAsSentAfterASentenceOfItsKind() throws Exception {
        ConsoleTexts kit = ConsoleTexts.of("console/shell/kit/text.js", work);
        String json = ProblemResponses.toJson(ProblemMapping.map(Problem.conflict("meter 42 is in a cabinet")));

        assertThat(kit.call("problemText", "zh", List.of(json, "{\"status\":0}", "{\"status\":502,\"title\":\"Bad Gateway\"}")))
                .containsExactly("操作被拒绝：meter 42 is in a cabinet", "无法连接服务器，请检查网络后重试。",
                        "服务器暂时无法访问（网关出错），请稍后再试。");
    }

    @Test
    void aFieldWithoutAnInputIsNamedInChinese() throws Exception {
        ConsoleTexts kit = ConsoleTexts.of("console/shell/kit/text.js", work);
        String json = ProblemResponses.toJson(ProblemMapping.map(new org.countygrid.platform.api.ValidationException(
                "q", "must not contain control characters")));
        String unknownField = ProblemResponses.toJson(ProblemMapping.map(new org.countygrid.platform.api.ValidationException(
                "readings[3].kwh", "is required")));

        assertThat(kit.call("problemText", "zh", List.of(json, unknownField)))
                .containsExactly("输入有误：查询内容：不能包含换行、制表符等控制字符", "输入有误：readings[3].kwh：必填");
        assertThat(kit.call("problemText", "en", List.of(json))).singleElement().asString()
                .contains("q: must not contain control characters");
    }

    @Test
    void fieldMessagesOfBadJsonReadInChinese() throws Exception {
        ConsoleTexts kit = ConsoleTexts.of("console/shell/kit/text.js", work);
        List<String> messages = new ArrayList<>();
        for (String body : List.of("{\"nmae\":\"张三\"}", "{\"category\":\"SHOP\"}", "{\"floors\":\"many\"}")) {
            messages.addAll(ProblemMapping.map(readError(body)).errors().stream().map(ProblemBody.FieldMessage::message).toList());
        }
        List<String> asProblems = messages.stream().map(m -> "\"" + m + "\"").toList();

        assertThat(messages).containsExactly("unknown field", "expected one of RESIDENTIAL, COMMERCIAL", "expected a whole number");
        assertThat(kit.call("fieldText", "zh", asProblems))
                .containsExactly("未知字段", "应为以下之一：RESIDENTIAL, COMMERCIAL", "应为整数");
    }

    @Test
    void whatHealthListsAsNotReadyReadsInChinese() throws Exception {
        List<String> lines = new ArrayList<>(Readiness.problems(List.of(new FeatureView("countygrid-customers", List.of(
                new FeatureView.BundleView("org.countygrid.customers", "RESOLVED", List.of()),
                new FeatureView.BundleView("org.countygrid.metering", null, List.of(
                        "component MeteringPanel waits for customers (objectClass=CustomerService)",
                        "component WorkOrderService failed to activate (the node's log says why)")))))));
        lines.add("the boot features are still being installed");
        ConsoleTexts home = ConsoleTexts.of("console/shell/home.js", work);

        List<String> zh = home.call("notReadyText", "zh", lines.stream().map(ConsoleTexts::quote).toList());

        assertThat(zh).containsExactly("countygrid-customers：组件包 org.countygrid.customers 已解析未启动",
                "countygrid-customers：组件 MeteringPanel 正在等待 customers (objectClass=CustomerService)",
                "countygrid-customers：组件 WorkOrderService 激活失败（原因见本节点日志）",
                "启动功能仍在安装中");
    }

    /** Karaf's principals as SubjectCaller tells them apart, by their simple class names. */
    record UserPrincipal(String getName) implements java.security.Principal {
    }

    record RolePrincipal(String getName) implements java.security.Principal {
    }

    /** The bodies platform-web answers by itself, the 500 last. */
    private static List<ProblemBody> platformProblems() {
        Caller auditor = new Caller("zhang", OfficeCode.of("QS"), Set.of("auditor"));
        Problem roleOfService = (Problem) catchThrowable(() -> auditor.requireAnyRole("operator", "admin"));
        return List.of(
                ProblemBody.of(403, "Forbidden", SecurityFilter.missingRole("zhang", List.of("operator", "admin"))),
                ProblemMapping.map(roleOfService),
                ProblemBody.of(403, "Forbidden", SecurityFilter.CSRF_REFUSED),
                ProblemMapping.map(LoginGate.lockedProblem("li", java.time.Duration.ofSeconds(61))),
                ApiServlet.UNAVAILABLE,
                ApiServlet.BAD_QUERY,
                ApiServlet.unknownCharset("klingon"),
                ProblemMapping.map(new org.countygrid.platform.api.ValidationException(java.util.List.of(
                        new org.countygrid.platform.api.ValidationException.FieldError("currentPassword", "is not your current password"),
                        new org.countygrid.platform.api.ValidationException.FieldError("newPassword",
                                org.countygrid.platform.web.internal.admin.StaffUser.MIX)))),
                ProblemMapping.map(new Problem(409, "Conflict", "Your login is not in this node's user file; ask your administrator.")),
                org.countygrid.platform.web.internal.problem.BodyTooLargeException.problem(16L * 1024 * 1024),
                ProblemMapping.map(catchThrowable(() -> org.countygrid.platform.api.security.SubjectCaller.from(
                        new javax.security.auth.Subject(true, Set.of(new UserPrincipal("li"), new RolePrincipal("office.QS"), new RolePrincipal("office.QT")),
                                Set.of(), Set.of())))),
                ProblemMapping.map(catchThrowable(() -> org.countygrid.platform.api.security.SubjectCaller.from(
                        new javax.security.auth.Subject(true, Set.of(new UserPrincipal("li"), new RolePrincipal("office.qs")),
                                Set.of(), Set.of())))),
                ApiServlet.repeated("limit"),
                ProblemMapping.map(new NotFoundException()),
                ProblemMapping.map(readError("{\"name\":")),
                ProblemMapping.map(readError("{\"nmae\":\"张三\"}")),
                ProblemMapping.map(readError("{\"category\":\"SHOP\"}")),
                ProblemMapping.map(catchThrowable(() -> JsonMapping.objectMapper().readValue("{}",
                        new com.fasterxml.jackson.core.type.TypeReference<List<OpenAccount>>() { }))),
                ProblemMapping.map(new NotFoundException(new NumberFormatException("For input string: \"ten\""))),
                ProblemMapping.map(new IllegalStateException("a bug")));
    }

    private static Throwable readError(String body) {
        ObjectMapper json = JsonMapping.objectMapper();
        Throwable error = catchThrowable(() -> json.readValue(body, OpenAccount.class));
        assertThat(error).as("reading %s must fail", body).isNotNull();
        return error;
    }
}
