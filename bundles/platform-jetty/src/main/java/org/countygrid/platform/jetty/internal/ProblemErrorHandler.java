package org.countygrid.platform.jetty.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * The Jetty server's error handler. A request that Jetty refuses before any servlet sees it — an address that is not
 * valid URL encoding, a malformed or oversized header, a request line too long — is answered as
 * {@code application/problem+json}, as everything else under /api is, instead of Jetty's HTML "Bad Message" page.
 * Errors inside a servlet context keep their own handling (platform-web's problem mapper, the console's pages).
 */
public final class ProblemErrorHandler extends ErrorHandler {

    static final String MEDIA_TYPE = "application/problem+json";

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        if (HttpStatus.hasNoBody(status)) {
            return BufferUtil.EMPTY_BUFFER;
        }
        fields.put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return BufferUtil.toBuffer(json(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem document for a request refused with {@code status}; Jetty's reason only where it tells more. */
    static String json(int status, String reason) {
        String title = HttpStatus.getMessage(status);
        String detail = switch (status) {
            case 400 -> "The request cannot be read: its address is not valid URL encoding, or a header is malformed.";
            case 414 -> "The request's address is longer than this node accepts.";
            case 431 -> "The request's headers are larger than this node accepts.";
            default -> "The request cannot be read.";
        };
        if (reason != null && !reason.isBlank() && !reason.equalsIgnoreCase(title)) {
            detail += " (" + (reason.length() > 120 ? reason.substring(0, 120) + "…" : reason) + ")";
        }
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":"
                + quote(detail) + "}";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
