package org.countygrid.platform.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsrfRuleTest {

    private static final String TOKEN = "k3Jq9XyZ-token-of-the-session_0123456789abc";

    @ParameterizedTest
    @ValueSource(strings = { "GET", "HEAD", "OPTIONS", "get" })
    void readingNeedsNoToken(String method) {
        assertThat(CsrfRule.acceptsSessionRequest(method, TOKEN, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void changingNeedsTheSessionsToken(String method) {
        assertThat(CsrfRule.acceptsSessionRequest(method, TOKEN, TOKEN)).isTrue();
        assertThat(CsrfRule.acceptsSessionRequest(method, TOKEN, null)).isFalse();
        assertThat(CsrfRule.acceptsSessionRequest(method, TOKEN, "")).isFalse();
        assertThat(CsrfRule.acceptsSessionRequest(method, TOKEN, TOKEN.substring(1))).isFalse();
        assertThat(CsrfRule.acceptsSessionRequest(method, TOKEN, TOKEN.toUpperCase())).isFalse();
    }

    @Test
    void anUnknownMethodCountsAsChanging() {
        assertThat(CsrfRule.isUnsafe("PROPFIND")).isTrue();
        assertThat(CsrfRule.isUnsafe(null)).isTrue();
        assertThat(CsrfRule.acceptsSessionRequest("PROPFIND", TOKEN, null)).isFalse();
    }

    @Test
    void basicCredentialsFromAScriptOrOurOwnPageAreAccepted() {
        assertThat(CsrfRule.acceptsBasicRequest("POST", null)).isTrue();
        assertThat(CsrfRule.acceptsBasicRequest("POST", "same-origin")).isTrue();
        assertThat(CsrfRule.acceptsBasicRequest("POST", "none")).isTrue();
    }

    @Test
    void basicCredentialsABrowserCachedAreRefusedOnAnotherSitesChange() {
        assertThat(CsrfRule.acceptsBasicRequest("POST", "cross-site")).isFalse();
        assertThat(CsrfRule.acceptsBasicRequest("DELETE", "same-site")).isFalse();
        assertThat(CsrfRule.acceptsBasicRequest("GET", "cross-site")).isTrue();
    }
}
