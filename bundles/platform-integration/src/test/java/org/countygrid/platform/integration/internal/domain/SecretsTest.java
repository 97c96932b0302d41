package org.countygrid.platform.integration.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void aPasswordCamelRepeatsInItsUnknownParametersIsMasked() {
        String camel = "Failed to resolve endpoint: file:///tmp/out?foo=1&password=xxxxxx due to: There are 2 parameters "
                + "that couldn't be set on the endpoint. Unknown parameters=[{foo=1, password=S3cretBankPw}]";
        assertThat(Secrets.mask(camel)).doesNotContain("S3cretBankPw").contains("password=xxxxxx}]").contains("foo=1");
    }

    @Test
    void credentialsInQueriesHeadersAndQuotesAreMaskedAndOtherWordsKept() {
        assertThat(Secrets.mask("http://bank/pay?user=qs&password=abc")).isEqualTo("http://bank/pay?user=qs&password=xxxxxx");
        assertThat(Secrets.mask("Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Authorization: Basic xxxxxx");
        assertThat(Secrets.mask("apiKey='k-123' token=\"t 1\" clientSecret=RAW(a&b)")).isEqualTo("apiKey=xxxxxx token=xxxxxx clientSecret=xxxxxx");
        assertThat(Secrets.mask("No password given; tokens are fine")).isEqualTo("No password given; tokens are fine");
        // what a re-probe found unmasked
        assertThat(Secrets.mask("Unknown parameters=[{password=pa&ss#Word9, foo=1}]")).isEqualTo("Unknown parameters=[{password=xxxxxx, foo=1}]");
        assertThat(Secrets.mask("Unknown parameters=[{privateKey=MIIEv, credentials=u:p, pass=p1, trustStorePassword=t1}]"))
                .isEqualTo("Unknown parameters=[{privateKey=xxxxxx, credentials=xxxxxx, pass=xxxxxx, trustStorePassword=xxxxxx}]");
        assertThat(Secrets.mask("Connection refused: ftp://bank:Secr3t@10.1.0.9/out")).isEqualTo("Connection refused: ftp://bank:xxxxxx@10.1.0.9/out");
        assertThat(Secrets.mask("pwd=1 passwd=2")).isEqualTo("pwd=xxxxxx passwd=xxxxxx");
        assertThat(Secrets.mask(null)).isNull();
    }
}
