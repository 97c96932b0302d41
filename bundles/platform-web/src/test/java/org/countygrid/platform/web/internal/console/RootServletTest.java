package org.countygrid.platform.web.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class RootServletTest {

    /** What the servlet answered. */
    static final class Answer {
        int status = 200;
        String redirect;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    interface Serve {
        void serve(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    private static Answer call(String method, String uri, String accept) throws Exception {
        return call(method, uri, accept, (request, response) -> new RootServlet().service(request, response));
    }

    private static Answer call(String method, String uri, String accept, Serve serve) throws Exception {
        Answer answer = new Answer();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(RootServletTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getHeader" -> "Accept".equals(args[0]) ? accept : null;
                    default -> null;
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(RootServletTest.class.getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "sendRedirect" -> {
                            answer.status = 302;
                            answer.redirect = (String) args[0];
                        }
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.headers.put("Content-Type", (String) args[0]);
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        case "resetBuffer" -> answer.body.reset();
                        default -> {
                        }
                    }
                    return null;
                });
        serve.serve(request, response);
        return answer;
    }

    @Test
    void theNodesOwnAddressLeadsToTheConsole() throws Exception {
        Answer get = call("GET", "/", "text/html");
        assertThat(get.status).isEqualTo(302);
        assertThat(get.redirect).isEqualTo("/console/");
        assertThat(call("HEAD", "/", null).redirect).isEqualTo("/console/");
    }

    @Test
    void anAddressNothingServesIsABilingualPageForABrowser() throws Exception {
        Answer answer = call("GET", "/foo", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.headers).containsEntry("Content-Type", "text/html;charset=UTF-8")
                .containsEntry("X-Content-Type-Options", "nosniff").containsKey("Content-Security-Policy");
        assertThat(answer.text()).contains("此地址没有内容", "There is nothing at this address.", "href=\"/console/\"");
    }

    @Test
    void aClientThatAsksForJsonGetsAProblem() throws Exception {
        Answer answer = call("GET", "/metering", "application/json");
        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.headers).containsEntry("Content-Type", "application/problem+json");
        assertThat(answer.text()).contains("\"status\":404", "There is nothing at this address.");
    }

    @Test
    void aConsoleFileThatIsNotThereGetsTheNodesPageNotJettys() throws Exception {
        ConsoleHeaders filter = new ConsoleHeaders();
        Answer missing = call("GET", "/console/nothing.js", "*/*", (request, response) -> filter.doFilter(request, response,
                (req, res) -> ((HttpServletResponse) res).sendError(404)));
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.headers).containsEntry("Content-Type", "text/html;charset=UTF-8");
        assertThat(missing.text()).contains("此地址没有内容", "There is nothing at this address.");

        Answer other = call("GET", "/console/app.js", "*/*", (request, response) -> filter.doFilter(request, response,
                (req, res) -> ((HttpServletResponse) res).sendError(403)));
        assertThat(other.body.size()).as("other errors are left to the server").isZero();
    }

    @Test
    void otherMethodsOnTheRootAreNotFoundNotRedirectedAndHeadHasNoBody() throws Exception {
        Answer post = call("POST", "/", null);
        assertThat(post.status).isEqualTo(404);
        assertThat(post.redirect).isNull();
        assertThat(call("TRACE", "/", null).status).isEqualTo(404);
        Answer head = call("HEAD", "/foo", null);
        assertThat(head.status).isEqualTo(404);
        assertThat(head.body.size()).isZero();
    }
}
