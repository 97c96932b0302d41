package org.countygrid.platform.data.internal.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.data.internal.backup.BackupRefusedException;
import org.countygrid.platform.data.internal.backup.BackupResult;
import org.countygrid.platform.data.internal.backup.DatabaseBackup;

/** {@code data:backup}: an online backup of the embedded H2 database now. Admin only (ACL). */
@Service
@Command(scope = "data", name = "backup", description = "Backs up the embedded H2 database now, into a zip in the backup folder")
public class DataBackupCommand implements Action {

    /** Optional: Karaf registers none of this bundle's commands while one of them misses a service (data:info among them). */
    @Reference(optional = true)
    DatabaseBackup backup;

    PrintStream out = System.out;

    @Override
    public Object execute() throws org.apache.karaf.shell.support.CommandException {
        if (backup == null) {
            throw DataInfoCommand.notOpen("nothing was backed up");
        }
        try {
            BackupResult result = backup.backUp();
            out.printf("Backup written: %s (%s) in %.1f s%n", result.backup().file(),
                    DataBackupListCommand.size(result.backup().bytes()), result.millis() / 1000.0);
            for (var old : result.removed()) {
                out.println("Removed the oldest: " + old.getFileName() + " (" + backup.keep() + " are kept)");
            }
        } catch (BackupRefusedException e) {
            // Karaf's CommandException: printed as it is on the session's error stream, and bin/cg-command exits 1 —
            // printed to a stream of our own it reached no caller (rc 0, no output: a cron job took it for done)
            throw new org.apache.karaf.shell.support.CommandException("Error: Backup refused: " + e.getMessage(),
                    "Backup refused: " + e.getMessage());
        }
        return null;
    }
}
