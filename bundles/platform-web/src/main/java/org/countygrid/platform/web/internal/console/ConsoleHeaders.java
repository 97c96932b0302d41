package org.countygrid.platform.web.internal.console;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.osgi.service.component.annotations.Component;

/**
 * Browser protections for everything under /console: scripts and data only from this origin (panels are ES
 * modules of the same node), no framing, no MIME sniffing, and revalidation so an updated feature's files are
 * picked up at the next load.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/console/*",
        "osgi.http.whiteboard.filter.pattern=/console",
        "osgi.http.whiteboard.filter.name=countygrid-console-headers" })
public final class ConsoleHeaders implements Filter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-cache");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && request instanceof HttpServletRequest httpRequest) {
            apply(http);
            chain.doFilter(request, new NotFoundPage(httpRequest, http));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A console file that is not there gets the node's own bilingual 404 page (problem+json to a JSON client), not
     * Jetty's English ISO-8859-1 page naming its servlet.
     */
    static final class NotFoundPage extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        NotFoundPage(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status != SC_NOT_FOUND || isCommitted()) {
                super.sendError(status, message);
                return;
            }
            resetBuffer();
            RootServlet.notFound(request, (HttpServletResponse) getResponse());
        }
    }
}
