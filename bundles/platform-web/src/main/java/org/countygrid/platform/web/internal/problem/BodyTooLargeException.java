package org.countygrid.platform.web.internal.problem;

import java.io.IOException;

/** A request body went past the most /api accepts; answered 413 (ProblemMapping), whoever was reading it. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The answer: what was too large and where the limit is set. */
    public static ProblemBody problem(long maxBytes) {
        return ProblemBody.of(413, "Payload Too Large", "The request body is larger than " + maxBytes
                + " bytes, the most this node accepts (maxRequestKilobytes of org.countygrid.platform.web).");
    }
}
