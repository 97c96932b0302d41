package org.countygrid.platform.web.internal.problem;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.NoContentException;
import javax.ws.rs.core.Response;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.data.SqlStates;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Turns any exception that escaped a resource or the JAX-RS machinery into the problem the client sees: our
 * own {@link Problem}s as they are, client errors of the framework (bad JSON, bad parameters, wrong method)
 * as readable 4xx answers, and everything else as a 500 whose detail says only which error id to quote.
 */
public final class ProblemMapping {

    private static final int MAX_CAUSE_DEPTH = 8;

    private ProblemMapping() {
    }

    public static ProblemBody map(Throwable error) {
        // first, wherever it is: Jackson wraps what a list element's reader threw in a JsonMappingException
        BodyTooLargeException tooLarge = find(error, BodyTooLargeException.class);
        if (tooLarge != null) {
            return BodyTooLargeException.problem(tooLarge.maxBytes());
        }
        Throwable cause = clientCause(error);
        if (cause instanceof Problem problem) {
            return fromProblem(problem);
        }
        if (cause instanceof JsonProcessingException json) {
            return JsonProblems.map(json);
        }
        if (cause instanceof NoContentException) {
            return ProblemBody.of(400, "Bad Request", "The request needs a JSON body.");
        }
        if (error instanceof NotFoundException && error.getCause() != null) {
            // JAX-RS answers 404 for a path or query parameter that does not convert; it is the client's typo
            return badParameter(error.getCause());
        }
        if (error instanceof BadRequestException && error.getCause() != null) {
            return badParameter(error.getCause());
        }
        if (error instanceof NumberFormatException) {
            return badParameter(error);
        }
        if (SqlStates.isDatabaseUnavailable(error)) {
            // outside a module store (a JDBC bulk path): the stores' own answer, with an error id for the log's line
            return fromProblem(SqlStates.unavailable(error)).withErrorId(newErrorId());
        }
        int status = error instanceof WebApplicationException web && web.getResponse() != null
                ? web.getResponse().getStatus() : 500;
        if (status < 500) {
            return fromStatus(status);
        }
        String errorId = newErrorId();
        return ProblemBody.of(status, reasonPhrase(status), internalErrorDetail(errorId)).withErrorId(errorId);
    }

    private static String internalErrorDetail(String errorId) {
        return "Something went wrong on the server. Quote error id " + errorId + " to your administrator.";
    }

    private static ProblemBody fromProblem(Problem problem) {
        ProblemBody body = ProblemBody.of(problem.status(), problem.title(), problem.getMessage())
                .withType(problem.type());
        if (problem instanceof ValidationException invalid) {
            return body.withErrors(invalid.errors().stream()
                    .map(e -> new ProblemBody.FieldMessage(e.field(), e.message()))
                    .toList());
        }
        return body;
    }

    private static ProblemBody badParameter(Throwable cause) {
        String value = cause instanceof NumberFormatException && cause.getMessage() != null
                ? cause.getMessage().replace("For input string: ", "not a number: ")
                : cause.getMessage();
        String detail = "A path or query parameter has an invalid value" + (value == null ? "." : ": " + value);
        return ProblemBody.of(400, "Bad Request", detail);
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    private static ProblemBody fromStatus(int status) {
        String title = reasonPhrase(status);
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept this HTTP method.";
            case 406 -> "This address cannot answer in the media type asked for in Accept.";
            // not "send JSON": photos (image/jpeg, image/png) and delivery files (text/csv) are refused here too
            case 415 -> "This address does not take a request body of this Content-Type: most take application/json,"
                    + " photos image/jpeg or image/png, delivery files text/csv (see /api/openapi.json).";
            default -> title + ".";
        };
        return ProblemBody.of(status, title, detail);
    }

    /** The most telling exception in the cause chain: a Problem or a Jackson error wrapped by the framework. */
    private static Throwable clientCause(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof Problem || current instanceof JsonProcessingException
                    || current instanceof NoContentException) {
                return current;
            }
            current = current.getCause();
        }
        return error;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }

    /** Whether the failure is the database gone away (platform-data's test), for the REST layer's log line. */
    public static boolean databaseUnavailable(Throwable error) {
        return SqlStates.isDatabaseUnavailable(error);
    }

    private static String newErrorId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static List<ProblemBody.FieldMessage> one(String field, String message) {
        return List.of(new ProblemBody.FieldMessage(field, message));
    }
}
