package org.countygrid.platform.data.internal.backup;

import java.nio.file.Path;
import java.util.List;

/** A backup just written, how long it took, and the old backups it made go (over the number kept). */
public record BackupResult(BackupFile backup, long millis, List<Path> removed) {
}
