package org.countygrid.platform.data.internal.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup zip in the folder: its file, size and when it was written. */
public record BackupFile(Path file, long bytes, Instant written) {
}
