package org.countygrid.platform.web.internal.problem;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Problem answers as ready JSON text, so that writing an error never depends on the entity providers that may
 * have just failed.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static Response of(ProblemBody body) {
        return builder(body).build();
    }

    /**
     * A 429 (a login name locked after too many wrong passwords) also says {@code Retry-After: 60}: a client that
     * retries by itself waits a minute at least, each retry refused without counting; the lock's end is in the detail.
     */
    static final String RETRY_LOCKED_AFTER = "60";

    /** A 503 (the database not answering, a module restarting) is worth another try in a few seconds. */
    static final String RETRY_UNAVAILABLE_AFTER = "10";

    public static Response.ResponseBuilder builder(ProblemBody body) {
        Response.ResponseBuilder answer = Response.status(body.status())
                .type(ProblemBody.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(toJson(body));
        return switch (body.status()) {
            case 429 -> answer.header(HttpHeaders.RETRY_AFTER, RETRY_LOCKED_AFTER);
            case 503 -> answer.header(HttpHeaders.RETRY_AFTER, RETRY_UNAVAILABLE_AFTER);
            default -> answer;
        };
    }

    public static String toJson(ProblemBody body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException cannotHappen) {
            return "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}";
        }
    }
}
