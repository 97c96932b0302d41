package org.countygrid.platform.data.internal.backup;

/** A backup that cannot be made here or now; the message says why and what to do, for the shell and the log. */
public class BackupRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackupRefusedException(String message) {
        super(message);
    }

    public BackupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
