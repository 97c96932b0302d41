package org.countygrid.platform.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsUserAndPasswordWhichMayContainColonsAndChinese() {
        assertThat(BasicCredentials.parse(basic("admin:s3cr:et密码")))
                .contains(new BasicCredentials("admin", "s3cr:et密码"));
        assertThat(BasicCredentials.parse("basic " + encode("wang:pw"))).contains(new BasicCredentials("wang", "pw"));
    }

    @Test
    void ignoresWhatIsNotBasicCredentials() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic ")).isEmpty();
        assertThat(BasicCredentials.parse("Basic not-base64!")).isEmpty();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(basic(":empty-user"))).isEmpty();
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new BasicCredentials("admin", "hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void onlyScriptsGetTheBasicChallenge() {
        assertThat(BasicChallenge.wanted(null, false)).isTrue();
        assertThat(BasicChallenge.wanted("XMLHttpRequest", false)).isFalse();
        assertThat(BasicChallenge.wanted(null, true)).isFalse();
    }

    private static String basic(String pair) {
        return "Basic " + encode(pair);
    }

    private static String encode(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
