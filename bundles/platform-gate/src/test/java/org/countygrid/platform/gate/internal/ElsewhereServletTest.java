package org.countygrid.platform.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class ElsewhereServletTest {

    private final Map<String, Object> sent = new HashMap<>();
    private final StringWriter body = new StringWriter();

    @Test
    void theNodesAddressLeadsToTheConsole() throws Exception {
        serve("GET", "/", null, Map.of());

        assertThat(sent).containsEntry("redirect", "/console/");
        assertThat(body.toString()).isEmpty();
    }

    @Test
    void anAddressTheNodeDoesNotServeIsA404ProblemForClientsAndAPageForBrowsers() throws Exception {
        serve("POST", "/", "application/json", Map.of());
        assertThat(sent).containsEntry("status", 404).containsEntry("Content-Type", "application/problem+json")
                .doesNotContainKey("redirect");
        assertThat(body.toString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":"
                + "\"This node serves nothing at this address: the console is at /console/, the REST API under /api/\","
                + "\"instance\":\"/\"}");

        sent.clear();
        body.getBuffer().setLength(0);
        serve("GET", "/<script>x\"", "text/html,application/xhtml+xml", Map.of());
        assertThat(sent).containsEntry("status", 404).containsEntry("Content-Type", "text/html");
        assertThat(body.toString()).contains("404 页面不存在", "Page not found", "href=\"/console/\"")
                .as("nothing of the request is echoed into the page").doesNotContain("script", "x\"");
    }

    @Test
    void asTheErrorPageItAnswersTheErrorsStatusForTheFailedAddress() throws Exception {
        serve("GET", "/console/missing.js", "*/*", Map.of(RequestDispatcher.ERROR_STATUS_CODE, 405,
                RequestDispatcher.ERROR_REQUEST_URI, "/console/missing.js"));

        assertThat(sent).containsEntry("status", 405);
        assertThat(body.toString()).contains("\"title\":\"Method Not Allowed\"", "\"instance\":\"/console/missing.js\"");
    }

    private void serve(String method, String uri, String accept, Map<String, Object> attributes) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getRequestURI" -> uri;
                    case "getMethod" -> method;
                    case "getHeader" -> "Accept".equals(args[0]) ? accept : null;
                    case "getAttribute" -> attributes.get(args[0]);
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> sent.put("status", args[0]);
                        case "setHeader" -> sent.put((String) args[0], args[1]);
                        case "setContentType" -> sent.put("Content-Type", args[0]);
                        case "sendRedirect" -> sent.put("redirect", args[0]);
                        case "isCommitted" -> {
                            return false;
                        }
                        case "getWriter" -> {
                            return new PrintWriter(body, true);
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        new ElsewhereServlet().service(request, response);
    }
}
