package org.countygrid.platform.web.internal.console;

import java.io.IOException;
import java.io.InputStream;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The console's address: /console redirects to /console/, which answers with the shell's index.html (a
 * resource registration alone would not serve a directory's welcome page).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/console",
        "osgi.http.whiteboard.servlet.pattern=/console/",
        "osgi.http.whiteboard.servlet.name=countygrid-console-entry" })
public final class ConsoleEntryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String INDEX = "/console/shell/index.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().endsWith("/")) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        try (InputStream index = ConsoleEntryServlet.class.getResourceAsStream(INDEX)) {
            if (index == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            ConsoleHeaders.apply(response);
            response.setContentType("text/html;charset=UTF-8");
            index.transferTo(response.getOutputStream());
        }
    }
}
