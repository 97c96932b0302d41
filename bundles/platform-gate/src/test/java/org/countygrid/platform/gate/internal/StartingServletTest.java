package org.countygrid.platform.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class StartingServletTest {

    @Test
    void everyRequestGets503ProblemJsonToRetryAndNotToCache() throws Exception {
        Map<String, Object> sent = new HashMap<>();
        StringWriter body = new StringWriter();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> "/api/health";
                    case "getMethod" -> "GET";
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> sent.put("status", args[0]);
                        case "setHeader" -> sent.put((String) args[0], args[1]);
                        case "setContentType" -> sent.put("Content-Type", args[0]);
                        case "getWriter" -> {
                            return new PrintWriter(body);
                        }
                        default -> {
                        }
                    }
                    return null;
                });

        new StartingServlet().service(request, response);

        assertThat(sent).containsEntry("status", 503).containsEntry("Retry-After", "1")
                .containsEntry("Cache-Control", "no-store").containsEntry("Content-Type", "application/problem+json");
        assertThat(body.toString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"" + StartingServlet.DETAIL + "\",\"instance\":\"/api/health\"}");
    }

    @Test
    void theInstanceIsEscaped() {
        assertThat(StartingServlet.problem("/api/a\"b\\c\n")).contains("\"instance\":\"/api/a\\\"b\\\\c\\u000a\"");
    }
}
