package org.countygrid.platform.api;

/**
 * A failure the caller can understand and act on. platform-web turns it into {@code application/problem+json}
 * with this status; the shell and the console show {@link #getMessage()}. Thrown before anything is written,
 * or inside the transaction that it then rolls back.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The problem type of a 409 that means "someone else changed this since you read it": the client's way out is
     * to read it again. Clients (the console) recognise the kind by this type, never by the wording of the detail.
     */
    public static final String STALE = "urn:countygrid:problem:stale";

    private final int status;
    private final String title;
    private final String type;

    public Problem(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    /** @param type a URI naming the kind of problem for clients that act on it, or null for the plain status */
    public Problem(int status, String title, String detail, String type) {
        super(detail);
        this.status = status;
        this.title = title;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The URI naming this kind of problem, or null when its status says all (problem+json then has about:blank). */
    public String type() {
        return type;
    }

    public static Problem notFound(String what) {
        return new Problem(404, "Not Found", what + " does not exist in your office");
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    /** A write refused because the thing changed since the caller read it (optimistic locking): reload and retry. */
    public static Problem stale(String detail) {
        return new Problem(409, "Conflict", detail, STALE);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }
}
