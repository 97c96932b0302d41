package org.countygrid.platform.web.internal.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import org.countygrid.platform.web.internal.problem.ProblemBody;
import org.countygrid.platform.web.internal.problem.ProblemMapping;
import org.countygrid.platform.web.internal.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one exception mapper of /api: every error leaves as application/problem+json, never as a stack trace. */
@Provider
public final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @Context
    private HttpServletRequest request;

    private final Supplier<List<String>> notReady;

    /** {@code notReady}: what the node is still waiting for (the readiness checks), empty when ready. */
    public ProblemExceptionMapper(Supplier<List<String>> notReady) {
        this.notReady = notReady;
    }

    @Override
    public Response toResponse(Throwable error) {
        String path = request != null ? request.getRequestURI() : null;
        if (clientGone(error)) {
            // the client closed the connection while the answer was being written (a script piping into head, a
            // closed browser tab): nothing went wrong on the server and nobody is left to read an answer
            LOG.debug("{} {}: the client went away while the answer was written", request != null ? request.getMethod() : "?", path);
            return Response.status(499).build();
        }
        ProblemBody body = ProblemMapping.map(error).withInstance(path);
        if (unmatched(error)) {
            // no resource at this address: while the node waits for a part (its database, a module being installed),
            // the module that serves it may simply not be there yet — say so, not "there is nothing here"
            List<String> waiting = notReady.get();
            if (!waiting.isEmpty()) {
                body = ProblemBody.of(503, "Service Unavailable", "Nothing answers at this address while the node is not ready: "
                        + String.join("; ", waiting) + ". Try again in a moment; GET /api/health says what is missing.").withInstance(path);
            }
        }
        if (body.errorId() != null && ProblemMapping.databaseUnavailable(error)) {
            // the database gone away: the node reports the outage itself (platform-data); one line per request, no trace
            LOG.warn("Error id {}: {} {}: the database does not answer: {}", body.errorId(), request != null ? request.getMethod() : "?", path,
                    deepest(error));
        } else if (body.errorId() != null) {
            LOG.error("Error id {}: {} {} failed", body.errorId(), request != null ? request.getMethod() : "?", path, error);
        } else {
            LOG.debug("{} {} answered {}: {}", request != null ? request.getMethod() : "?", path, body.status(), body.detail());
        }
        Response.ResponseBuilder answer = ProblemResponses.builder(body);
        if (error instanceof WebApplicationException web && web.getResponse() != null) {
            Object allow = web.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
            if (allow != null) {
                answer.header(HttpHeaders.ALLOW, allow);
            }
        }
        return answer.build();
    }

    private static String deepest(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 32; depth++) {
            t = t.getCause();
        }
        return t.toString();
    }

    /** JAX-RS's 404 for an address no resource serves (not a resource's own "not found", which is a Problem). */
    static boolean unmatched(Throwable error) {
        return error instanceof NotFoundException && error.getCause() == null;
    }

    /**
     * Whether the failure is the client's connection closing under the answer: Jetty's EofException, which it throws
     * only for the connection it is writing to. Not any "Broken pipe": a database or a partner system whose connection
     * broke is a server error.
     */
    static boolean clientGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
        }
        return false;
    }
}
