package org.countygrid.platform.web.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The node's front door: the address staff type ({@code http://node:8181/}) leads to the console, and any other
 * address that nothing serves (outside {@code /api}, whose 404 is problem+json, and the console's own files) answers
 * a short bilingual page, or problem+json to a client that asks for JSON, instead of the web server's ISO-8859-1
 * error page.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=countygrid-root" })
public final class RootServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String CONSOLE = "/console/";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>404 · CountyGrid</title></head>
            <body><h1>此地址没有内容</h1><p lang="en">There is nothing at this address.</p>
            <p><a href="/console/">控制台 · Console</a></p></body></html>
            """;
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"There is nothing at this address.\"}";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && "/".equals(request.getRequestURI())) {
            response.setHeader("Cache-Control", "no-cache");
            response.sendRedirect(CONSOLE);
            return;
        }
        notFound(request, response);
    }

    /** The 404 of an address nothing serves: also the console's files' (ConsoleHeaders), instead of Jetty's page. */
    static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String accept = request.getHeader("Accept");
        boolean json = accept != null && accept.contains("json") && !accept.contains("text/html");
        ConsoleHeaders.apply(response);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(json ? "application/problem+json" : "text/html;charset=UTF-8");
        byte[] body = (json ? PROBLEM : PAGE).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(body);
        }
    }
}
