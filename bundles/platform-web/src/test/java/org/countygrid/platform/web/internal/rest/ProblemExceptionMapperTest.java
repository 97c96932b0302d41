package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

class ProblemExceptionMapperTest {

    private final List<String> notReady = new ArrayList<>();
    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper(() -> List.copyOf(notReady));

    @Test
    void anAddressNobodyServesIsA404WhenTheNodeIsReadyAndA503WhileItWaitsForAPart() {
        assertThat(mapper.toResponse(new NotFoundException()).getStatus()).isEqualTo(404);

        notReady.add("the database cannot be opened (3 tries since 2026-11-28T05:03:29Z; data:info and the node's log say why)");
        Response waiting = mapper.toResponse(new NotFoundException());

        assertThat(waiting.getStatus()).isEqualTo(503);
        assertThat(waiting.getHeaderString("Retry-After")).isEqualTo("10");
        assertThat((String) waiting.getEntity()).contains("Nothing answers at this address while the node is not ready: the database cannot"
                + " be opened (3 tries", "GET /api/health says what is missing");
        // a parameter that does not convert stays the client's 400, whatever the node waits for
        assertThat(mapper.toResponse(new NotFoundException(new NumberFormatException("For input string: \"x\""))).getStatus()).isEqualTo(400);
    }

    @Test
    void answersProblemJsonThatIsNeverCached() {
        Response response = mapper.toResponse(new ValidationException("phone", "11 digits"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat((String) response.getEntity()).contains("\"errors\":[{\"field\":\"phone\",\"message\":\"11 digits\"}]");
    }

    @Test
    void keepsTheAllowHeaderOfA405() {
        Response response = mapper.toResponse(new NotAllowedException("GET", new String[] { "POST" }));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("POST");
    }

    @Test
    void neverShowsAStackTrace() {
        Response response = mapper.toResponse(new IllegalStateException("secret internals"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat((String) response.getEntity()).doesNotContain("secret", "at org.", "Exception");
    }

    @Test
    void aClientThatWentAwayIsNoServerErrorButABrokenDatabaseConnectionIs() {
        Throwable written = new javax.ws.rs.ProcessingException("Problem with writing the data",
                new org.eclipse.jetty.io.EofException(new java.io.IOException("Broken pipe")));

        assertThat(ProblemExceptionMapper.clientGone(written)).isTrue();
        assertThat(mapper.toResponse(written).getStatus()).isEqualTo(499);
        Throwable database = new IllegalStateException("outbox unreadable",
                new java.sql.SQLException("An I/O error occurred", new java.net.SocketException("Broken pipe")));
        assertThat(ProblemExceptionMapper.clientGone(database)).isFalse();
        assertThat(mapper.toResponse(database).getStatus()).isEqualTo(500);
        assertThat(ProblemExceptionMapper.clientGone(new IllegalStateException("a bug"))).isFalse();
    }
}
