package org.countygrid.platform.web.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.api.security.RequiresRole;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.web.WebSession;
import org.countygrid.platform.web.internal.security.CsrfRule;
import org.countygrid.platform.web.internal.security.LoginGate;
import org.countygrid.platform.web.internal.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Console login: a session cookie plus the CSRF token the console sends back on every change. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {

    private static final Logger LOG = LoggerFactory.getLogger(AuthResource.class);

    public record LoginRequest(String username, String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    /** Who is logged in; csrfToken is null for a caller that did not log in through a session. */
    public record SessionInfo(String user, String office, List<String> roles, String csrfToken) {
    }

    private final SessionRegistry sessions;
    private final LoginGate logins;
    private final SessionCookie cookie;

    public AuthResource(SessionRegistry sessions, LoginGate logins, SessionCookie cookie) {
        this.sessions = sessions;
        this.logins = logins;
        this.cookie = cookie;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(RequiresRole.PUBLIC)
    public Response login(LoginRequest body, @CookieParam(SessionCookie.NAME) String previousSession,
            @Context HttpServletRequest request) {
        List<ValidationException.FieldError> missing = new ArrayList<>();
        if (body == null || body.username() == null || body.username().isBlank()) {
            missing.add(new ValidationException.FieldError("username", "enter your user name"));
        }
        if (body == null || body.password() == null || body.password().isEmpty()) {
            missing.add(new ValidationException.FieldError("password", "enter your password"));
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        String remote = request.getRemoteAddr();
        Caller caller = logins.login(body.username().trim(), body.password(), remote)
                .orElseThrow(() -> new Problem(401, "Unauthorized", "Wrong user name or password."));
        WebSession session = sessions.open(caller, previousSession);
        LOG.info("User {} of office {} logged in to the console from {}", caller.user(), caller.office(), remote);
        return Response.ok(info(caller, session.csrfToken()))
                .header(HttpHeaders.SET_COOKIE, cookie.issue(session.id(), request))
                .build();
    }

    @POST
    @Path("/logout")
    @RequiresRole(RequiresRole.PUBLIC)
    public Response logout(@CookieParam(SessionCookie.NAME) String sessionId,
            @HeaderParam(CsrfRule.HEADER) String csrfToken, @Context HttpServletRequest request) {
        // only the console that holds the token may end the session; the cookie goes in any case
        sessions.resume(sessionId, false)
                .filter(s -> CsrfRule.acceptsSessionRequest("POST", s.csrfToken(), csrfToken))
                .ifPresent(s -> {
                    sessions.close(s.id());
                    LOG.info("User {} logged out of the console", s.user());
                });
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie.expire(request)).build();
    }

    @GET
    @Path("/me")
    @RequiresRole({ Role.ADMIN, Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR })
    public SessionInfo me(@CookieParam(SessionCookie.NAME) String sessionId) {
        Caller caller = CurrentCaller.get();
        String csrfToken = sessions.resume(sessionId, false)
                .filter(s -> s.user().equals(caller.user()))
                .map(WebSession::csrfToken)
                .orElse(null);
        return info(caller, csrfToken);
    }

    private static SessionInfo info(Caller caller, String csrfToken) {
        return new SessionInfo(caller.user(), caller.office().value(), caller.roles().stream().sorted().toList(), csrfToken);
    }
}
