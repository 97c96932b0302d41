package org.countygrid.platform.gate.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Answers every request under {@code /api} with 503 {@code application/problem+json} while platform-web's REST API
 * is not registered: from the moment Jetty opens its port early in a start (this bundle starts at level 31, right
 * after the web server's bundles at 30) until platform-web (level 80) registers its servlet, and again whenever
 * platform-web is stopped, refreshed or updated. Registered at the lowest ranking on the same pattern, so the HTTP
 * whiteboard shadows it with platform-web's servlet as long as that one is there. Without it those moments answered
 * Jetty's HTML 404, which monitoring and scripts polling {@code /api/health} took for "not CountyGrid".
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=countygrid-api-starting",
        "service.ranking:Integer=" + Integer.MIN_VALUE })
public class StartingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String DETAIL = "CountyGrid is starting or its REST API is being restarted; try again in a moment";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem(request.getRequestURI()));
    }

    /** The problem document platform-web writes for its own 503s: type, title, status, detail, instance. */
    static String problem(String instance) {
        return "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + DETAIL
                + "\",\"instance\":\"" + json(instance == null ? "" : instance) + "\"}";
    }

    /** A JSON string's content: quotes, backslashes and control characters escaped. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
