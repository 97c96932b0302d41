package org.countygrid.platform.api;

import java.util.List;
import java.util.Map;

/** Bad input: one message per offending field, shown next to the field in the console. */
public class ValidationException extends Problem {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public record FieldError(String field, String message) {
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationException(List<FieldError> errors) {
        super(400, "Invalid input", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> byField() {
        return errors.stream().collect(java.util.stream.Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b));
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input");
    }
}
