package org.countygrid.platform.web.internal.problem;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.countygrid.platform.api.Problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * 400 answers for request bodies Jackson could not read, naming the field in our words (never a Java class
 * name).
 */
final class JsonProblems {

    /** Jackson's words for a key given twice in one object (JsonParser.Feature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,100})'");

    private JsonProblems() {
    }

    static ProblemBody map(JsonProcessingException error) {
        if (error instanceof ValueInstantiationException created && created.getCause() instanceof Problem problem) {
            // a record's constructor refused the value: its own message is the best one
            return ProblemMapping.map(problem);
        }
        Matcher twice = DUPLICATE.matcher(String.valueOf(error.getOriginalMessage()));
        if (twice.lookingAt()) {
            String field = twice.group(1);
            return invalid("Field '" + field + "' appears twice in an object of the request body.", field, "appears twice");
        }
        if (error instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return invalid("Unknown field '" + field + "'.", field, "unknown field");
        }
        if (error instanceof InvalidFormatException format) {
            String field = path(format);
            String message = "expected " + describe(format.getTargetType());
            return invalid("Field '" + field + "': " + message + ".", field, message);
        }
        if (error instanceof ValueInstantiationException created) {
            String field = path(created);
            String reason = created.getCause() != null && created.getCause().getMessage() != null
                    ? created.getCause().getMessage() : "invalid value";
            return invalid("Field '" + field + "': " + reason, field, reason);
        }
        if (error instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            Class<?> type = mismatch.getTargetType();
            // a primitive is also reported when the field is absent, e.g. misspelt (unknown fields come after); a value
            // of another kind (JsonMapping converts none) is Jackson's "Cannot coerce …", whatever the type
            boolean present = mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().startsWith("Cannot coerce");
            String message = (type != null && type.isPrimitive() && !present ? "missing or not " : "expected ") + describe(type);
            return invalid("Field '" + field + "': " + message + ".", field, message);
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return invalid("Field '" + field + "' has an invalid value.", field, "invalid value");
        }
        if (error instanceof MismatchedInputException whole && whole.getTargetType() != null) {
            // valid JSON of the wrong shape, e.g. an object where a list of readings is taken
            String expected = describe(whole.getTargetType());
            return invalid("The request body must be " + expected + ".", "body", "expected " + expected);
        }
        return ProblemBody.of(400, "Bad Request", "The request body is not valid JSON" + where(error.getLocation()) + ".");
    }

    private static ProblemBody invalid(String detail, String field, String message) {
        return ProblemBody.of(400, "Invalid input", detail).withErrors(ProblemMapping.one(field, message));
    }

    private static String path(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : error.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == long.class || type == int.class || type == short.class || type == byte.class || type == Long.class
                || type == Integer.class || type == Short.class || type == Byte.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date like 2024-05-31";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time like 2024-05-31T08:30:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "another kind of value";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
