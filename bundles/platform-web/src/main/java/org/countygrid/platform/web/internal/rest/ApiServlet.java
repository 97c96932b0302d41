package org.countygrid.platform.web.internal.rest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.Duration;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.countygrid.platform.web.internal.problem.BodyTooLargeException;
import org.countygrid.platform.web.internal.problem.ProblemBody;
import org.countygrid.platform.web.internal.problem.ProblemMapping;
import org.countygrid.platform.web.internal.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet behind /api: CXF's, on this bundle's own destination registry, behind the {@link ApiGate}. A request
 * that finds no published server within the wait — the node is starting, or a republication takes unusually long —
 * is answered 503 as application/problem+json with Retry-After, never with CXF's or Jetty's HTML 404. A body
 * larger than the configured limit is answered 413 ({@link BodyLimit}).
 */
final class ApiServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final String RETRY_AFTER_SECONDS = "1";

    private final transient ApiGate gate;
    private final Duration wait;
    private final transient BodyLimit bodyLimit;
    private final transient ClassLoader cxfLoader;

    ApiServlet(DestinationRegistry registry, Bus bus, ApiGate gate, Duration wait, BodyLimit bodyLimit) {
        super(registry, bus);
        this.gate = gate;
        this.wait = wait;
        this.bodyLimit = bodyLimit;
        this.cxfLoader = Bus.class.getClassLoader();
    }

    /**
     * Nothing: the Bus is ApiServer's. CXF's servlet shuts its bus down in {@code destroy()} even when it was given
     * one, and pax-web destroys and initialises the servlet again when it restarts the context (a feature adding a
     * ServletContextListener): that would take the /api server down with it.
     */
    @Override
    public void destroyBus() {
        // ApiServer shuts the Bus down when it closes
    }

    /** CXF's class loader as the requests' context class loader, as when the server was built. */
    @Override
    protected ClassLoader initClassLoader() {
        return cxfLoader;
    }

    @Override
    protected void invoke(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        if (asksForWadl(request.getQueryString())) {
            // CXF's WADL generator answers ?_wadl before any filter: without a login, with every resource, as XML
            answer(request, response, NO_WADL, null);
            return;
        }
        if (!validEncoding(request.getQueryString())) {
            // CXF would fail decoding it deep inside the chain, which the problem mapper can only take for a bug (500)
            answer(request, response, BAD_QUERY, null);
            return;
        }
        String twice = repeatedParameter(request.getQueryString());
        if (twice != null) {
            // JAX-RS takes the first of them without a word: "?q=王&q=李" searched 王, "?limit=1&limit=500" gave 1
            answer(request, response, repeated(twice), null);
            return;
        }
        String charset = request.getCharacterEncoding();
        if (!knownCharset(charset)) {
            // CXF refuses it before any resource or mapper sees the request, as Jetty's HTML page of a 500
            answer(request, response, unknownCharset(charset), null);
            return;
        }
        if (bodyLimit.declaredTooLarge(request)) {
            answer(request, response, BodyTooLargeException.problem(bodyLimit.maxBytes()), null);
            return;
        }
        if (!gate.enter(wait)) {
            answer(request, response, UNAVAILABLE, RETRY_AFTER_SECONDS);
            return;
        }
        try {
            super.invoke(EmptyBody.asEmptyObject(bodyLimit.guard(request)), response);
        } catch (ServletException | RuntimeException e) {
            // what fails in CXF's transport, before or outside the JAX-RS chain and its exception mapper, would
            // otherwise reach Jetty's HTML error page, which names the exceptions
            if (response.isCommitted() || ProblemExceptionMapper.clientGone(e)) {
                throw e; // nobody left to answer, or the answer is under way: Jetty ends the exchange
            }
            ProblemBody body = ProblemMapping.map(e);
            if (body.errorId() != null) {
                LOG.error("Error id {}: {} {} failed in the REST transport", body.errorId(), request.getMethod(),
                        request.getRequestURI(), e);
            }
            response.reset();
            answer(request, response, body, null);
        } finally {
            gate.leave();
        }
    }

    static final ProblemBody NO_WADL = ProblemBody.of(404, "Not Found",
            "There is no WADL here; the API is described by /api/openapi.json (for logged-in staff).");

    /** Whether the raw query string has a parameter {@code _wadl} (CXF's: with or without a value). */
    static boolean asksForWadl(String query) {
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            String name = parameter.split("=", 2)[0];
            if (name.equals("_wadl") || name.equalsIgnoreCase("%5Fwadl")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first query parameter named twice in the raw query string (its name decoded), or null: no resource of the
     * API takes a list of values by repeating a parameter, so a repeat is a mistake to be told, like a JSON key given
     * twice.
     */
    static String repeatedParameter(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = java.net.URLDecoder.decode(parameter.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
            if (!seen.add(name)) {
                return name;
            }
        }
        return null;
    }

    static ProblemBody repeated(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return ProblemBody.of(400, "Invalid input", "Query parameter '" + shown + "' is given more than once; give it once.")
                .withErrors(ProblemMapping.one(shown, "is given more than once"));
    }

    static final ProblemBody BAD_QUERY = ProblemBody.of(400, "Bad Request",
            "The query string is not valid URL encoding: each % must be followed by two hexadecimal digits.");

    /** Whether every {@code %} of the raw query string starts an escape of two hexadecimal digits (none: valid). */
    static boolean validEncoding(String query) {
        if (query == null) {
            return true;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                    || Character.digit(query.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the charset a request's Content-Type names, if any, is one this JVM can decode. */
    static boolean knownCharset(String name) {
        if (name == null || name.isBlank()) {
            return true;
        }
        try {
            return Charset.isSupported(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    static ProblemBody unknownCharset(String name) {
        return ProblemBody.of(415, "Unsupported Media Type", "The Content-Type names a charset this node does not know: "
                + "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'. Send UTF-8, or name a charset such as GBK.");
    }

    static final ProblemBody UNAVAILABLE = ProblemBody.of(503, "Service Unavailable",
            "The REST API is starting or being updated (a feature installed or removed); try again in a moment.");

    private void answer(HttpServletRequest request, HttpServletResponse response, ProblemBody problem, String retryAfter)
            throws ServletException {
        ProblemBody body = problem.withInstance(request.getRequestURI());
        try {
            response.setStatus(body.status());
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter);
            }
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(ProblemBody.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ProblemResponses.toJson(body));
        } catch (IOException e) {
            throw new ServletException("cannot answer " + body.status(), e);
        }
    }
}
