package org.countygrid.platform.api;

/**
 * A failure the caller can understand and act on. platform-web turns it into {@code application/problem+json}
 * with this status; the shell and the console show {@link #getMessage()}. Thrown before anything is written,
 * or inside the transaction that it then rolls back.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static Problem notFound(String what) {
        return new Problem(404, "Not Found", what + " does not exist in your office");
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }
}
