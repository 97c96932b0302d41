package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

class ProblemExceptionMapperTest {

    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper();

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
