package org.countygrid.platform.web.internal.rest;

import javax.servlet.http.HttpServletRequest;
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

    @Override
    public Response toResponse(Throwable error) {
        String path = request != null ? request.getRequestURI() : null;
        ProblemBody body = ProblemMapping.map(error).withInstance(path);
        if (body.errorId() != null) {
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
}
