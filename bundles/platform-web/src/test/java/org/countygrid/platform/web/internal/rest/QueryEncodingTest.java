package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What CXF cannot decode is refused at the servlet — a query string as a 400, an unknown charset as a 415 — before CXF
 * fails on it with a 500 (the query, in the problem mapper) or Jetty's HTML error page (the charset).
 */
class QueryEncodingTest {

    @Test
    void wellFormedEscapesAndPlainTextPass() {
        assertThat(ApiServlet.validEncoding(null)).isTrue();
        assertThat(ApiServlet.validEncoding("")).isTrue();
        assertThat(ApiServlet.validEncoding("q=%E7%8E%8B&limit=20")).isTrue();
        assertThat(ApiServlet.validEncoding("q=a+b&x=%2f%2F")).isTrue();
    }

    @Test
    void aPercentWithoutTwoHexDigitsIsRefused() {
        assertThat(ApiServlet.validEncoding("q=%ZZ")).isFalse();
        assertThat(ApiServlet.validEncoding("q=100%")).isFalse();
        assertThat(ApiServlet.validEncoding("q=%E")).isFalse();
        assertThat(ApiServlet.validEncoding("q=%E7%8E%8&limit=2")).isFalse();
        assertThat(ApiServlet.validEncoding("q=%%41")).isFalse();
        assertThat(ApiServlet.BAD_QUERY.status()).isEqualTo(400);
    }

    @Test
    void aQueryParameterGivenTwiceIsRefusedNotTakenAtItsFirstValue() {
        assertThat(ApiServlet.repeatedParameter(null)).isNull();
        assertThat(ApiServlet.repeatedParameter("q=%E7%8E%8B&limit=20&offset=0")).isNull();
        assertThat(ApiServlet.repeatedParameter("q=a&&limit=2")).isNull();
        assertThat(ApiServlet.repeatedParameter("q=%E7%8E%8B&q=%E6%9D%8E")).isEqualTo("q"); // a probe's ?q=王&q=李
        assertThat(ApiServlet.repeatedParameter("limit=1&offset=0&limit=500")).isEqualTo("limit");
        assertThat(ApiServlet.repeatedParameter("%71=a&q=b")).as("the same name, once escaped").isEqualTo("q");
        assertThat(ApiServlet.repeated("limit").status()).isEqualTo(400);
        assertThat(ApiServlet.repeated("limit").detail()).isEqualTo("Query parameter 'limit' is given more than once; give it once.");
    }

    @Test
    void aCharsetTheJvmDoesNotKnowIsRefused() {
        assertThat(ApiServlet.knownCharset(null)).isTrue();
        assertThat(ApiServlet.knownCharset("utf-8")).isTrue();
        assertThat(ApiServlet.knownCharset("\"UTF-8\"")).isTrue();
        assertThat(ApiServlet.knownCharset("GBK")).isTrue();
        assertThat(ApiServlet.knownCharset("klingon")).isFalse();
        assertThat(ApiServlet.knownCharset("utf 8")).isFalse();
        assertThat(ApiServlet.unknownCharset("klingon").status()).isEqualTo(415);
        assertThat(ApiServlet.unknownCharset("x".repeat(500)).detail()).hasSizeLessThan(200);
    }

    @Test
    void cxfsWadlIsAskedForWithOrWithoutAValue() {
        assertThat(ApiServlet.asksForWadl("_wadl")).isTrue();
        assertThat(ApiServlet.asksForWadl("_wadl&_type=json")).isTrue();
        assertThat(ApiServlet.asksForWadl("q=1&_wadl=")).isTrue();
        assertThat(ApiServlet.asksForWadl("%5Fwadl")).isTrue();
        assertThat(ApiServlet.asksForWadl(null)).isFalse();
        assertThat(ApiServlet.asksForWadl("q=_wadl&x_wadl=1")).isFalse();
    }
}
