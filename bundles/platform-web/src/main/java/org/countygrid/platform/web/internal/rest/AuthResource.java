package org.countygrid.platform.web.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
import org.countygrid.platform.web.internal.admin.StaffUser;
import org.countygrid.platform.web.internal.admin.UserAccounts;
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

    /** A logged-in user's own new password; the current one proves it is that user at the keyboard. */
    public record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    /** Who is logged in; csrfToken is null for a caller that did not log in through a session. */
    public record SessionInfo(String user, String office, List<String> roles, String csrfToken) {
    }

    private final SessionRegistry sessions;
    private final LoginGate logins;
    private final SessionCookie cookie;
    private final Supplier<Optional<UserAccounts>> accounts;
    private final LoginRecords records;

    public AuthResource(SessionRegistry sessions, LoginGate logins, SessionCookie cookie,
            Supplier<Optional<UserAccounts>> accounts, LoginRecords records) {
        this.sessions = sessions;
        this.logins = logins;
        this.cookie = cookie;
        this.accounts = accounts;
        this.records = records;
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

    /**
     * A user changes their own password (GB/T 22239 asks that staff can): the current password, checked like a login
     * (a wrong one counts towards the lock), and a new one that passes the rule of {@code staff:user-add}. Every other
     * session of the user on this node ends; a console session goes on as a new session, whose cookie and CSRF token
     * come with the answer.
     */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({ Role.ADMIN, Role.OPERATOR, Role.CASHIER, Role.FIELD, Role.DISPATCHER, Role.AUDITOR })
    public Response changePassword(PasswordChange body, @CookieParam(SessionCookie.NAME) String sessionId,
            @Context HttpServletRequest request) {
        Caller caller = CurrentCaller.get();
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (body == null || body.currentPassword() == null || body.currentPassword().isEmpty()) {
            errors.add(new ValidationException.FieldError("currentPassword", "enter your current password"));
        }
        if (body == null || body.newPassword() == null || body.newPassword().isEmpty()) {
            errors.add(new ValidationException.FieldError("newPassword", "enter the new password"));
        } else {
            try {
                StaffUser.checkPassword(caller.user(), body.newPassword());
            } catch (ValidationException e) {
                e.errors().forEach(error -> errors.add(new ValidationException.FieldError("newPassword", error.message())));
            }
            if (body.newPassword().equals(body.currentPassword())) {
                errors.add(new ValidationException.FieldError("newPassword", "must differ from the current password"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        UserAccounts users = accounts.get().orElseThrow(() -> new Problem(409, "Conflict",
                "This node keeps no passwords it could change (the login realm has no user file); ask your administrator."));
        if (!users.hashesPasswords()) {
            throw new Problem(409, "Conflict", "This node stores no hashed passwords (etc/org.apache.karaf.jaas.cfg); ask your administrator.");
        }
        String remote = request.getRemoteAddr();
        if (logins.login(caller.user(), body.currentPassword(), remote).isEmpty()) {
            throw new ValidationException("currentPassword", "is not your current password");
        }
        UserAccounts.Changed changed = users.changePassword(caller.user(), body.newPassword());
        if (changed == UserAccounts.Changed.ABSENT) {
            throw new Problem(409, "Conflict", "Your login is not in this node's user file; ask your administrator.");
        }
        Instant changedAt = Instant.now();
        records.passwordChanged(caller.user(), changedAt);
        LOG.info("User {} of office {} changed their password from {}", caller.user(), caller.office(), remote);
        if (changed == UserAccounts.Changed.UNSETTLED) {
            LOG.error("The new password of {} may not have been stored: etc/users.properties kept changing", caller.user());
            throw new Problem(503, "Service Unavailable", "The password could not be stored for certain. Log in again with the new password; if "
                    + "that fails, with the old one, and try again.");
        }
        boolean console = sessions.resume(sessionId, false).filter(s -> s.user().equals(caller.user())).isPresent();
        if (!console) {
            return Response.noContent().build();
        }
        WebSession session = sessions.open(caller, sessionId);
        for (int tick = 0; tick < 10_000 && !session.createdAt().isAfter(changedAt); tick++) {
            // opened within the same tick of the clock as the change: it would count as opened before it, and end
            sessions.close(session.id());
            Thread.onSpinWait();
            session = sessions.open(caller, null);
        }
        return Response.ok(info(caller, session.csrfToken()))
                .header(HttpHeaders.SET_COOKIE, cookie.issue(session.id(), request))
                .build();
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
