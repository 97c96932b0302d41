package org.countygrid.metering.internal.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.countygrid.platform.api.ValidationException;

/**
 * Path and query parameters arrive as text and are parsed here: JAX-RS would answer a bad number or enum with a
 * bare 404, which tells the client nothing.
 */
final class Params {

    private Params() {
    }

    /** A whole number, or null when not given. */
    static Long longValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    static long id(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException("id", "must be a work order number");
        }
    }

    static <E extends Enum<E>> E choice(String name, Class<E> type, String value) {
        return choice(name, value, type.getEnumConstants());
    }

    /** One of {@code allowed} only, and the refusal lists those: not every constant of the type fits every request. */
    @SafeVarargs
    static <E extends Enum<E>> E choice(String name, String value, E... allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (E e : allowed) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new ValidationException(name, "must be one of " + Arrays.toString(allowed));
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be an ISO-8601 instant such as 2026-11-26T00:00:00Z");
        }
    }

    /** A day such as 2026-11-01, or {@code fallback} when absent. */
    static java.time.LocalDate day(String name, String value, java.time.LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be a day such as 2026-11-01");
        }
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new ValidationException("body", "is required");
        }
        return body;
    }

    /** Uploads are read whole, but never more than this, whatever the configured limits say. */
    static final int UPLOAD_HARD_LIMIT = 32 * 1024 * 1024;

    /**
     * A text body: in the charset its Content-Type names; without one UTF-8 (a byte order mark dropped), and when the
     * bytes are no UTF-8, GB18030 — Excel on a Chinese Windows saves CSV in the ANSI code page (GBK), which was stored
     * garbled before. The console's delivery form decodes the same way.
     */
    static String text(String name, String contentType, byte[] bytes) {
        String charset = contentType == null ? null : Arrays.stream(contentType.split(";")).skip(1).map(String::strip)
                .filter(p -> p.toLowerCase(Locale.ROOT).startsWith("charset="))
                .map(p -> p.substring("charset=".length()).replace("\"", "").strip()).findFirst().orElse(null);
        String text;
        if (charset != null) {
            try {
                text = new String(bytes, Charset.forName(charset));
            } catch (IllegalArgumentException e) { // the unsupported and the illegal names
                throw new ValidationException(name, "has a Content-Type whose charset is unknown: " + charset);
            }
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, Charset.forName("GB18030"));
            }
        }
        // Excel's "CSV UTF-8" starts with a byte order mark, charset named or not
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The request body as bytes; 400 when it is larger than {@link #UPLOAD_HARD_LIMIT}. */
    static byte[] upload(String name, java.io.InputStream body) {
        if (body == null) {
            throw new ValidationException(name, "is required");
        }
        try {
            byte[] bytes = body.readNBytes(UPLOAD_HARD_LIMIT + 1);
            if (bytes.length > UPLOAD_HARD_LIMIT) {
                throw new ValidationException(name, "is larger than " + UPLOAD_HARD_LIMIT + " bytes");
            }
            return bytes;
        } catch (java.io.IOException e) {
            // with its cause: a chunked body past the node's request limit is answered 413 by platform-web, as one
            // with a Content-Length is, not a 400
            ValidationException unread = new ValidationException(name, "could not be read completely");
            unread.initCause(e);
            throw unread;
        }
    }
}
