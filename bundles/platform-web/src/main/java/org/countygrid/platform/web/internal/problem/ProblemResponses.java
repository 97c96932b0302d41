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

    public static Response.ResponseBuilder builder(ProblemBody body) {
        return Response.status(body.status())
                .type(ProblemBody.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(toJson(body));
    }

    public static String toJson(ProblemBody body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException cannotHappen) {
            return "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}";
        }
    }
}
