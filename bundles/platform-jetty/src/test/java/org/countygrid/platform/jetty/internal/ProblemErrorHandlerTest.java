package org.countygrid.platform.jetty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What Jetty answers for a request it cannot read: problem+json with a readable detail, never its HTML page. */
class ProblemErrorHandlerTest {

    private final ProblemErrorHandler handler = new ProblemErrorHandler();

    private JsonNode answer(int status, String reason, HttpFields fields) throws Exception {
        String body = BufferUtil.toString(handler.badMessageError(status, reason, fields), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(body);
    }

    @Test
    void aMalformedAddressIsABadRequestAsProblemJson() throws Exception {
        HttpFields fields = new HttpFields();
        JsonNode problem = answer(400, "Bad Request", fields);

        assertThat(fields.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(fields.get(HttpHeader.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("detail").asText()).startsWith("The request cannot be read").doesNotContain("(Bad Request)");
    }

    @Test
    void oversizedHeadersAndJettysOwnReasonsStayReadableAndValidJson() throws Exception {
        assertThat(answer(431, "Request Header Fields Too Large", new HttpFields()).get("detail").asText())
                .isEqualTo("The request's headers are larger than this node accepts.");
        JsonNode odd = answer(400, "Ambiguous \"URI\" \\ path\u0001", new HttpFields());
        assertThat(odd.get("detail").asText()).endsWith("(Ambiguous \"URI\" \\ path\u0001)");
        assertThat(answer(400, "x".repeat(1000), new HttpFields()).get("detail").asText()).hasSizeLessThan(260);
    }

    @Test
    void neverShowsStacks() {
        assertThat(handler.isShowStacks()).isFalse();
        assertThat(handler.isShowServlet()).isFalse();
    }
}
