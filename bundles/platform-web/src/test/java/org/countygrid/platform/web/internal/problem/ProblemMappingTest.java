package org.countygrid.platform.web.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.InternalServerErrorException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.NoContentException;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.data.SqlStates;
import org.countygrid.platform.web.internal.problem.ProblemBody.FieldMessage;
import org.countygrid.platform.web.internal.rest.JsonMapping;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemMappingTest {

    enum Category { RESIDENTIAL, COMMERCIAL }

    record Premises(String address, int floors) {
    }

    record OpenAccount(String name, LocalDate since, Category category, List<Premises> premises) {
    }

    record Reading(long value) {
        Reading {
            if (value < 0) {
                throw new ValidationException("value", "must not be negative");
            }
        }
    }

    private final ObjectMapper json = JsonMapping.objectMapper();

    @Test
    void aProblemKeepsItsStatusTitleAndDetail() {
        ProblemBody body = ProblemMapping.map(Problem.conflict("account 3201000001 is already closed"));

        assertThat(body.status()).isEqualTo(409);
        assertThat(body.title()).isEqualTo("Conflict");
        assertThat(body.detail()).isEqualTo("account 3201000001 is already closed");
        assertThat(body.type()).isEqualTo("about:blank");
        assertThat(body.errors()).isNull();
        assertThat(body.errorId()).isNull();
    }

    @Test
    void aStaleWriteCarriesItsTypeSoClientsNeedNotReadTheWording() {
        ProblemBody body = ProblemMapping.map(Problem.stale("account 3201000001 was changed by someone else"));

        assertThat(body.status()).isEqualTo(409);
        assertThat(body.type()).isEqualTo(Problem.STALE).isEqualTo("urn:countygrid:problem:stale");
        assertThat(ProblemResponses.toJson(body)).contains("\"type\":\"urn:countygrid:problem:stale\"");
    }

    @Test
    void aValidationExceptionListsItsFields() {
        ProblemBody body = ProblemMapping.map(new ValidationException(List.of(
                new ValidationException.FieldError("name", "must not be empty"),
                new ValidationException.FieldError("phone", "11 digits"))));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errors()).containsExactly(new FieldMessage("name", "must not be empty"), new FieldMessage("phone", "11 digits"));
    }

    @Test
    void aMisspeltJsonFieldIsA400NamingTheField() {
        ProblemBody body = ProblemMapping.map(readError("{\"nmae\":\"张三\"}"));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.detail()).contains("nmae");
        assertThat(body.errors()).containsExactly(new FieldMessage("nmae", "unknown field"));
    }

    @Test
    void aFieldGivenTwiceIsA400NamingIt() {
        ProblemBody body = ProblemMapping.map(readError("{\"name\":\"张三\",\"name\":\"李四\"}"));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errors()).containsExactly(new FieldMessage("name", "appears twice"));
    }

    @Test
    void aMissingOrMisspeltNumberIsNamed() {
        ProblemBody body = ProblemMapping.map(readError("{\"premises\":[{\"address\":\"x\",\"flors\":3}]}"));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errors()).containsExactly(new FieldMessage("premises[0].floors", "missing or not a whole number"));
    }

    @Test
    void aNestedFieldOfTheWrongKindIsNamedWithItsPath() {
        ProblemBody body = ProblemMapping.map(readError("{\"premises\":[{\"address\":\"x\",\"floors\":\"three\"}]}"));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errors()).extracting(FieldMessage::field).containsExactly("premises[0].floors");
        assertThat(body.errors().get(0).message()).isEqualTo("expected a whole number");
    }

    @Test
    void noScalarIsConvertedIntoAnotherKind() {
        assertThat(ProblemMapping.map(readError("{\"name\":13812345678}")).errors())
                .containsExactly(new FieldMessage("name", "expected text"));
        assertThat(ProblemMapping.map(readError("{\"name\":true}")).errors())
                .containsExactly(new FieldMessage("name", "expected text"));
        assertThat(ProblemMapping.map(readError("{\"premises\":[{\"address\":\"x\",\"floors\":\"3\"}]}")).errors())
                .containsExactly(new FieldMessage("premises[0].floors", "expected a whole number"));
        assertThat(ProblemMapping.map(catchThrowable(() -> json.readValue("{\"value\":\"15\"}", Reading.class))).errors())
                .containsExactly(new FieldMessage("value", "expected a whole number"));
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNotCutOff() {
        Throwable error = catchThrowable(() -> json.readValue("{\"value\":15.99}", Reading.class));

        ProblemBody body = ProblemMapping.map(error);
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errors()).containsExactly(new FieldMessage("value", "expected a whole number"));
    }

    @Test
    void aBadDateOrEnumSaysWhatIsExpectedWithoutJavaClassNames() {
        ProblemBody date = ProblemMapping.map(readError("{\"since\":\"31/05/2024\"}"));
        ProblemBody category = ProblemMapping.map(readError("{\"category\":\"PALACE\"}"));

        assertThat(date.errors()).containsExactly(new FieldMessage("since", "expected a date like 2024-05-31"));
        assertThat(category.detail()).contains("RESIDENTIAL, COMMERCIAL").doesNotContain("java", "org.countygrid");
    }

    record Read(java.time.Instant at) {
    }

    @Test
    void aNumberForADateOrTimeIsRefusedNotReadAsSecondsOrDaysSince1970() {
        assertThat(ProblemMapping.map(readError("{\"since\":20240531}")).errors())
                .containsExactly(new FieldMessage("since", "expected a date like 2024-05-31"));
        assertThat(ProblemMapping.map(catchThrowable(() -> json.readValue("{\"at\":1764230400000}", Read.class))).errors())
                .containsExactly(new FieldMessage("at", "expected a date and time like 2024-05-31T08:30:00Z"));
        assertThat(ProblemMapping.map(catchThrowable(() -> json.readValue("{\"at\":1764230400.5}", Read.class))).errors())
                .containsExactly(new FieldMessage("at", "expected a date and time like 2024-05-31T08:30:00Z"));
        assertThat(ProblemMapping.map(catchThrowable(() -> json.readValue("{\"at\":\"1795795200\"}", Read.class))).errors())
                .as("digits as text too").containsExactly(new FieldMessage("at", "expected a date and time like 2024-05-31T08:30:00Z"));
    }

    @Test
    void datesAndTimesAreStillReadFromText() throws Exception {
        assertThat(json.readValue("{\"at\":\"2026-11-27T09:30:00+08:00\"}", Read.class).at())
                .isEqualTo(java.time.Instant.parse("2026-11-27T01:30:00Z"));
        assertThat(json.readValue("{\"at\":null}", Read.class).at()).isNull();
    }

    @Test
    void malformedJsonIsA400WithItsPosition() {
        ProblemBody body = ProblemMapping.map(readError("{\"name\": \"x\",\n \"since\": }"));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.detail()).contains("not valid JSON").contains("line 2");
    }

    @Test
    void validJsonOfTheWrongShapeSaysWhatTheBodyMustBe() {
        // e.g. a bodiless POST taken as {} where a list of readings is read
        ProblemBody body = ProblemMapping.map(catchThrowable(() -> json.readValue("{}",
                new com.fasterxml.jackson.core.type.TypeReference<java.util.List<Reading>>() { })));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.detail()).isEqualTo("The request body must be a list.");
        assertThat(body.errors()).containsExactly(new FieldMessage("body", "expected a list"));
    }

    @Test
    void aRecordThatRefusesItsValueGivesItsOwnValidationMessage() {
        Throwable error = catchThrowable(() -> json.readValue("{\"value\": -5}", Reading.class));

        ProblemBody body = ProblemMapping.map(error);

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errors()).containsExactly(new FieldMessage("value", "must not be negative"));
    }

    @Test
    void aJsonErrorWrappedByTheFrameworkIsStillFound() {
        ProblemBody body = ProblemMapping.map(new RuntimeException("fault", readError("{\"nmae\":1}")));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errors()).extracting(FieldMessage::field).containsExactly("nmae");
    }

    @Test
    void aQueryParameterThatIsNotANumberIsA400NotA404() {
        ProblemBody body = ProblemMapping.map(new NotFoundException(new NumberFormatException("For input string: \"ten\"")));

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.detail()).contains("not a number: \"ten\"");
    }

    @Test
    void anUnknownAddressStaysA404() {
        assertThat(ProblemMapping.map(new NotFoundException()).status()).isEqualTo(404);
    }

    @Test
    void frameworkClientErrorsKeepTheirStatus() {
        assertThat(ProblemMapping.map(new NotAllowedException("GET")).status()).isEqualTo(405);
        assertThat(ProblemMapping.map(new NotSupportedException()).detail()).contains("application/json");
        assertThat(ProblemMapping.map(new BadRequestException(new NoContentException("empty"))).detail()).contains("JSON body");
    }

    @Test
    void anythingElseIsA500WithAnErrorIdAndNoInternals() {
        ProblemBody body = ProblemMapping.map(new IllegalStateException("connection to jdbc:postgresql://db/secret refused"));

        assertThat(body.status()).isEqualTo(500);
        assertThat(body.errorId()).hasSize(8);
        assertThat(body.detail()).contains(body.errorId()).doesNotContain("jdbc", "IllegalState");
        assertThat(ProblemMapping.map(new NullPointerException()).errorId()).isNotEqualTo(body.errorId());
    }

    @Test
    void aServerSideWebApplicationExceptionKeepsItsStatusButGetsAnErrorId() {
        ProblemBody unavailable = ProblemMapping.map(new ServiceUnavailableException());
        ProblemBody internal = ProblemMapping.map(new InternalServerErrorException("boom"));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.errorId()).isNotNull();
        assertThat(internal.detail()).doesNotContain("boom");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsA503ToTryAgainNotA500() {
        // as JPA hands it over: EclipseLink's exception around the pool's timeout around the driver's refusal
        java.sql.SQLException refused = new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        Throwable fromJpa = new IllegalStateException("Exception [EclipseLink-4002]",
                new RuntimeException("Internal Exception", new java.sql.SQLTransientConnectionException(
                        "countygrid - Connection is not available, request timed out after 10000ms.", refused)));

        ProblemBody body = ProblemMapping.map(fromJpa);

        assertThat(body.status()).isEqualTo(503);
        assertThat(body.errorId()).hasSize(8);
        assertThat(body.detail()).isEqualTo(SqlStates.UNAVAILABLE_DETAIL).doesNotContain("5432", "Connection is not available");
        assertThat(ProblemMapping.map(refused).status()).isEqualTo(503);
        assertThat(ProblemResponses.of(body).getHeaderString("Retry-After")).isEqualTo("10");
        // a constraint or a syntax error is not the database's absence
        assertThat(ProblemMapping.map(new RuntimeException(new java.sql.SQLException("syntax error", "42601"))).status()).isEqualTo(500);
    }

    @Test
    void theBodyIsProblemJsonWithoutEmptyMembers() {
        String text = ProblemResponses.toJson(ProblemMapping.map(Problem.notFound("account 3201000001")).withInstance("/api/customers/accounts/3201000001"));

        assertThat(text).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"account 3201000001 does not exist in your office\",\"instance\":\"/api/customers/accounts/3201000001\"}");
    }

    private Throwable readError(String body) {
        Throwable error = catchThrowable(() -> json.readValue(body, OpenAccount.class));
        assertThat(error).as("reading %s must fail", body).isNotNull();
        return error;
    }
}
