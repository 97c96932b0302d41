package org.countygrid.platform.web.internal.rest;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.web.WebSession;
import org.countygrid.platform.web.internal.problem.ProblemBody;
import org.countygrid.platform.web.internal.problem.ProblemResponses;
import org.countygrid.platform.web.internal.security.AccessPolicy;
import org.countygrid.platform.web.internal.security.BasicChallenge;
import org.countygrid.platform.web.internal.security.BasicCredentials;
import org.countygrid.platform.web.internal.security.CsrfRule;
import org.countygrid.platform.web.internal.security.LoginGate;
import org.countygrid.platform.web.internal.session.UserRoster;
import org.countygrid.platform.web.internal.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and authorization of every /api request, after the resource method is known: Basic
 * credentials or the session cookie (with its CSRF token on unsafe methods) give the caller, the method's
 * {@code @RequiresRole} decides, and {@link CurrentCaller} holds the caller until the response is written.
 */
public final class SecurityFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Sent by the console on polling requests, which must not count as activity for the idle timeout. */
    public static final String BACKGROUND_HEADER = "X-Background";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    private final SessionRegistry sessions;
    private final LoginGate logins;
    private final UserRoster roster;

    /** What the request's credentials amount to: a caller, or the answer to give if the method needs one. */
    /** The refusals the console shows (its kit translates them, console/shell/kit/text.js). */
    static final String CSRF_REFUSED = "The " + CsrfRule.HEADER + " header is missing or wrong.";

    static String missingRole(String user, List<String> required) {
        return "User " + user + " needs one of the roles " + String.join(", ", required) + ".";
    }

    private record Login(Optional<Caller> caller, ProblemBody refusal, boolean challenge) {

        static Login of(Caller caller) {
            return new Login(Optional.of(caller), null, false);
        }

        static Login refused(int status, String detail, boolean challenge) {
            String title = status == 401 ? "Unauthorized" : "Forbidden";
            return new Login(Optional.empty(), ProblemBody.of(status, title, detail), challenge);
        }
    }

    public SecurityFilter(SessionRegistry sessions, LoginGate logins, UserRoster roster) {
        this.roster = roster;
        this.sessions = sessions;
        this.logins = logins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        CurrentCaller.clear();
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            // CXF's own answer to OPTIONS (the Allow header); nothing of ours runs
            if (!"OPTIONS".equals(request.getMethod())) {
                abort(request, ProblemBody.of(403, "Forbidden", "This request is not allowed."), false);
            }
            return;
        }
        String[] required = AccessPolicy.requiredRoles(method, resourceInfo.getResourceClass());
        if (required == null) {
            LOG.warn("{}.{} declares no @RequiresRole; refused {} {}", method.getDeclaringClass().getName(),
                    method.getName(), request.getMethod(), servletRequest.getRequestURI());
            abort(request, ProblemBody.of(403, "Forbidden", "This operation declares no required role, so it is refused."), false);
            return;
        }
        Login login = identify(request);
        if (AccessPolicy.isPublic(required)) {
            login.caller().ifPresent(CurrentCaller::set);
            return;
        }
        if (login.refusal() != null) {
            abort(request, login.refusal(), login.challenge());
            return;
        }
        Caller caller = login.caller().orElseThrow();
        switch (AccessPolicy.decide(required, caller)) {
            case ALLOW -> CurrentCaller.set(caller);
            case FORBIDDEN -> abort(request, ProblemBody.of(403, "Forbidden", missingRole(caller.user(), List.of(required))), false);
            default -> abort(request, ProblemBody.of(401, "Unauthorized", "Log in first."), login.challenge());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CurrentCaller.clear();
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private Login identify(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        boolean hasCookie = cookie != null && !cookie.getValue().isEmpty();
        boolean challenge = BasicChallenge.wanted(request.getHeaderString("X-Requested-With"), hasCookie);
        try {
            Optional<BasicCredentials> basic = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (basic.isPresent()) {
                return basicLogin(request, basic.get(), challenge);
            }
            if (hasCookie) {
                return sessionLogin(request, cookie.getValue());
            }
            return Login.refused(401, "Log in first.", challenge);
        } catch (Problem problem) {
            // e.g. a real user without an office
            return new Login(Optional.empty(), ProblemBody.of(problem.status(), problem.title(), problem.getMessage()), false);
        }
    }

    private Login basicLogin(ContainerRequestContext request, BasicCredentials credentials, boolean challenge) {
        Optional<Caller> caller = logins.login(credentials.user(), credentials.password(), servletRequest.getRemoteAddr());
        if (caller.isEmpty()) {
            return Login.refused(401, "Wrong user name or password.", challenge);
        }
        if (!CsrfRule.acceptsBasicRequest(request.getMethod(), request.getHeaderString("Sec-Fetch-Site"))) {
            return Login.refused(403, "A cross-site request with Basic credentials is refused.", false);
        }
        return Login.of(caller.get());
    }

    private Login sessionLogin(ContainerRequestContext request, String sessionId) {
        boolean touch = request.getHeaderString(BACKGROUND_HEADER) == null;
        Optional<WebSession> session = sessions.resume(sessionId, touch);
        if (session.isEmpty()) {
            return Login.refused(401, "Your session has ended. Log in again.", false);
        }
        if (!roster.stillHolds(session.get())) {
            sessions.close(sessionId);
            LOG.info("Console session of {} ended: the user was removed from the login realm or lost a role", session.get().user());
            return Login.refused(401, "Your session has ended. Log in again.", false);
        }
        if (!CsrfRule.acceptsSessionRequest(request.getMethod(), session.get().csrfToken(), request.getHeaderString(CsrfRule.HEADER))) {
            return Login.refused(403, CSRF_REFUSED, false);
        }
        return Login.of(session.get().caller());
    }

    private void abort(ContainerRequestContext request, ProblemBody body, boolean challenge) {
        Response.ResponseBuilder answer = ProblemResponses.builder(body.withInstance(servletRequest.getRequestURI()));
        if (challenge && body.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, BasicChallenge.HEADER_VALUE);
        }
        request.abortWith(answer.build());
    }
}
