package org.countygrid.platform.web.internal.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code application/problem+json} body (RFC 9457) of every error answer: errors lists the offending
 * fields of bad input, errorId ties a 500 answer to the logged stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "errors", "instance", "errorId" })
public record ProblemBody(String type, String title, int status, String detail, List<FieldMessage> errors,
        String instance, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldMessage(String field, String message) {
    }

    public ProblemBody {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ProblemBody of(int status, String title, String detail) {
        return new ProblemBody("about:blank", title, status, detail, null, null, null);
    }

    /** The problem's kind as a URI; null keeps about:blank (the status says it all). */
    public ProblemBody withType(String problemType) {
        return problemType == null ? this : new ProblemBody(problemType, title, status, detail, errors, instance, errorId);
    }

    public ProblemBody withErrors(List<FieldMessage> fieldErrors) {
        return new ProblemBody(type, title, status, detail, fieldErrors, instance, errorId);
    }

    public ProblemBody withInstance(String path) {
        return new ProblemBody(type, title, status, detail, errors, path, errorId);
    }

    public ProblemBody withErrorId(String id) {
        return new ProblemBody(type, title, status, detail, errors, instance, id);
    }
}
