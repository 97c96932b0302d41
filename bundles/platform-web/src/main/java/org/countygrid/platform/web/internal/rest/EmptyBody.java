package org.countygrid.platform.web.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A POST, PUT or PATCH that sends no body, without a Content-Type or as JSON, reaches the resources as the empty JSON
 * object {@code {}}. Where every field of the body is optional (verifying a meter, completing a work order) that is
 * the call as documented — before, a bodiless call was a 415 "send JSON" and an empty JSON one a 400 "needs a JSON
 * body"; where fields are required, the answer now names each of them. A body that is sent, or a chunked one, is left
 * as it is.
 */
final class EmptyBody {

    static final String JSON = "application/json";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private EmptyBody() {
    }

    static HttpServletRequest asEmptyObject(HttpServletRequest request) {
        if (!WITH_BODY.contains(request.getMethod()) || request.getContentLengthLong() > 0
                || request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            return request;
        }
        String type = request.getContentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            return request; // an empty photo or file: the resource says what is missing
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getContentType() {
                return JSON;
            }

            @Override
            public int getContentLength() {
                return EMPTY_OBJECT.length;
            }

            @Override
            public long getContentLengthLong() {
                return EMPTY_OBJECT.length;
            }

            @Override
            public String getHeader(String name) {
                if ("Content-Type".equalsIgnoreCase(name)) {
                    return JSON;
                }
                if ("Content-Length".equalsIgnoreCase(name)) {
                    return String.valueOf(EMPTY_OBJECT.length);
                }
                return super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                String replaced = "Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)
                        ? getHeader(name) : null;
                return replaced != null ? Collections.enumeration(List.of(replaced)) : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = new ArrayList<>();
                for (Enumeration<String> e = super.getHeaderNames(); e != null && e.hasMoreElements();) {
                    String name = e.nextElement();
                    if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                        names.add(name);
                    }
                }
                names.add("Content-Type");
                names.add("Content-Length");
                return Collections.enumeration(names);
            }

            @Override
            public ServletInputStream getInputStream() {
                return new ByteBody(EMPTY_OBJECT);
            }
        };
    }
}
