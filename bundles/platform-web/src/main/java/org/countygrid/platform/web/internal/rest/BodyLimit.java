package org.countygrid.platform.web.internal.rest;

import java.io.IOException;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

import org.countygrid.platform.web.internal.problem.BodyTooLargeException;

/**
 * The most bytes a request body to /api may have: a declared Content-Length above it is refused before anything is
 * read, and a body without one (chunked) fails with {@link BodyTooLargeException} as soon as it reads past it — so no
 * resource ever holds more than this in memory, whatever it reads the body into (a String, a byte[], JSON).
 */
final class BodyLimit {

    private final long maxBytes;

    BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** True when the request declares a body longer than the limit. */
    boolean declaredTooLarge(HttpServletRequest request) {
        return request.getContentLengthLong() > maxBytes;
    }

    /** The request with its body counted while it is read (a declared length is within the limit already). */
    HttpServletRequest guard(HttpServletRequest request) {
        if (request.getContentLengthLong() >= 0) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            private ServletInputStream counted;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (counted == null) {
                    counted = new Counted(super.getInputStream(), maxBytes);
                }
                return counted;
            }
        };
    }

    /** Counts what is read and fails past the limit. */
    static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counted(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
