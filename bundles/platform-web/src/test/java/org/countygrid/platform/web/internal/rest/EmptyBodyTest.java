package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/** A bodiless POST, PUT or PATCH reaches the resources as {} (JSON); anything with a body, or another type, as sent. */
class EmptyBodyTest {

    /** A request of this method with these headers (Content-Length among them when declared). */
    private static HttpServletRequest request(String method, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(EmptyBodyTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContentType" -> headers.get("Content-Type");
                    case "getContentLengthLong" -> Long.parseLong(headers.getOrDefault("Content-Length", "-1"));
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> headers.containsKey((String) args[0])
                            ? Collections.enumeration(List.of(headers.get((String) args[0]))) : Collections.emptyEnumeration();
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    default -> null;
                });
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void aPostWithoutABodyIsTheEmptyJsonObject() throws Exception {
        for (HttpServletRequest bodiless : List.of(request("POST", headers("Host", "localhost")),
                request("POST", headers("Content-Length", "0")),
                request("PUT", headers("Content-Type", "application/json; charset=utf-8", "Content-Length", "0")))) {
            HttpServletRequest seen = EmptyBody.asEmptyObject(bodiless);
            assertThat(seen.getContentType()).isEqualTo("application/json");
            assertThat(seen.getHeader("content-type")).isEqualTo("application/json");
            assertThat(Collections.list(seen.getHeaderNames())).contains("Content-Type", "Content-Length");
            assertThat(seen.getContentLengthLong()).isEqualTo(2);
            assertThat(new String(seen.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("{}");
        }
    }

    @Test
    void aBodyAChunkedBodyAnotherTypeOrAnotherMethodIsLeftAsSent() {
        for (HttpServletRequest asSent : List.of(request("POST", headers("Content-Type", "application/json", "Content-Length", "9")),
                request("POST", headers("Transfer-Encoding", "chunked")),
                request("POST", headers("Content-Type", "image/jpeg", "Content-Length", "0")),
                request("GET", headers()),
                request("DELETE", headers()))) {
            assertThat(EmptyBody.asEmptyObject(asSent)).isSameAs(asSent);
        }
    }
}
