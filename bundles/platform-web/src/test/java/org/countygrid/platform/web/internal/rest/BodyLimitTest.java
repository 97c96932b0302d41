package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;

import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;

import org.countygrid.platform.web.internal.problem.BodyTooLargeException;
import org.countygrid.platform.web.internal.problem.ProblemBody;
import org.countygrid.platform.web.internal.problem.ProblemMapping;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final BodyLimit limit = new BodyLimit(10);

    /** A request with this declared length (-1: chunked) and body. */
    private static HttpServletRequest request(long declared, byte[] body) {
        return (HttpServletRequest) Proxy.newProxyInstance(BodyLimitTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentLengthLong" -> declared;
                    case "getInputStream" -> stream(body);
                    default -> null;
                });
    }

    private static ServletInputStream stream(byte[] body) {
        return new ByteBody(body);
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeAnythingIsRead() {
        assertThat(limit.declaredTooLarge(request(11, new byte[0]))).isTrue();
        assertThat(limit.declaredTooLarge(request(10, new byte[0]))).isFalse();
        assertThat(limit.declaredTooLarge(request(-1, new byte[0]))).isFalse();
    }

    @Test
    void aChunkedBodyFailsAsSoonAsItReadsPastTheLimit() throws Exception {
        byte[] within = limit.guard(request(-1, new byte[10])).getInputStream().readAllBytes();
        assertThat(within).hasSize(10);

        ServletInputStream past = limit.guard(request(-1, new byte[11])).getInputStream();
        assertThatThrownBy(past::readAllBytes).isInstanceOf(BodyTooLargeException.class);
    }

    record Reading(String barcode, long kwh) {
    }

    @Test
    void aBatchCutOffInsideItsListIsA413NotABadElement() throws Exception {
        byte[] batch = ("[" + "{\"barcode\":\"3300000000000000000001\",\"kwh\":1},".repeat(50) + "{}]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ServletInputStream body = new BodyLimit(1000).guard(request(-1, batch)).getInputStream();
        com.fasterxml.jackson.databind.ObjectMapper json = JsonMapping.objectMapper();

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> json.readValue(body,
                new com.fasterxml.jackson.core.type.TypeReference<java.util.List<Reading>>() { }));

        assertThat(error).isNotNull();
        assertThat(ProblemMapping.map(error).status()).as(String.valueOf(error)).isEqualTo(413);
    }

    @Test
    void aBodyTooLargeIsA413WhoeverReadIt() {
        ProblemBody body = ProblemMapping.map(new javax.ws.rs.ProcessingException(new BodyTooLargeException(16_777_216)));

        assertThat(body.status()).isEqualTo(413);
        assertThat(body.detail()).startsWith("The request body is larger than 16777216 bytes");
        assertThat(body.errorId()).isNull();
    }
}
