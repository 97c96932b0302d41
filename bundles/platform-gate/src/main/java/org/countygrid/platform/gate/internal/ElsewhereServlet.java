package org.countygrid.platform.gate.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * What the node answers outside its console and its API, and for the errors the HTTP whiteboard's own servlets send
 * without a body (a console file that does not exist): the address {@code /} — what staff type into a browser — leads
 * to the console; any other address the node does not serve, and such an error, is answered as a page in Chinese and
 * English for a browser and as {@code application/problem+json} for everything else, instead of Jetty's HTML page
 * "HTTP ERROR 404 … SERVLET: default". Registered on the whiteboard's default pattern {@code /}, which only serves
 * what no other servlet or resource takes, and as the error page of every 4xx and 5xx status.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.errorPage=4xx",
        "osgi.http.whiteboard.servlet.errorPage=5xx",
        "osgi.http.whiteboard.servlet.name=countygrid-elsewhere" })
public class ElsewhereServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String CONSOLE = "/console/";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer code) { // an error page: the status is the error's
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            answer(request, response, code, uri == null ? request.getRequestURI() : uri.toString());
            return;
        }
        String method = request.getMethod();
        if ("/".equals(request.getRequestURI()) && ("GET".equals(method) || "HEAD".equals(method))) {
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(CONSOLE);
            return;
        }
        answer(request, response, HttpServletResponse.SC_NOT_FOUND, request.getRequestURI());
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String uri)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            response.setContentType("text/html");
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            response.getWriter().write(page(status));
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write(problem(status, uri));
        }
    }

    /** The problem document: the title is the status's reason, the detail says where the node's things are. */
    static String problem(int status, String uri) {
        String detail = status == 404
                ? "This node serves nothing at this address: the console is at /console/, the REST API under /api/"
                : status == 405 ? "This address does not take this method"
                : status >= 500 ? "The node could not answer this request; its log says why"
                : "The request cannot be served";
        return "{\"type\":\"about:blank\",\"title\":\"" + StartingServlet.json(reason(status)) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + StartingServlet.json(uri == null ? "" : uri) + "\"}";
    }

    /** A page for a browser: Chinese first, English second, a link to the console; nothing of the request echoed. */
    static String page(int status) {
        String zh = status == 404 ? "页面不存在" : status >= 500 ? "服务器未能处理此请求" : "无法处理此请求";
        String en = status == 404 ? "Page not found" : status >= 500 ? "The node could not answer this request"
                : "The request cannot be served";
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status + " " + zh
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + status + " " + zh + "</h1><p>"
                + en + "</p><p><a href=\"" + CONSOLE + "\">进入县供电营销服务控制台 / Open the CountyGrid console</a></p></body></html>";
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
