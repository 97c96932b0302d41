package org.countygrid.platform.data.internal.command;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.api.shell.TextTable;
import org.countygrid.platform.data.internal.backup.BackupFile;
import org.countygrid.platform.data.internal.backup.DatabaseBackup;

/** {@code data:backup-list}: the backups in the folder, the schedule and how the last nightly backup went. */
@Service
@Command(scope = "data", name = "backup-list", description = "Lists the database backups, the nightly schedule and its last result")
public class DataBackupListCommand implements Action {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** Optional: Karaf registers none of this bundle's commands while one of them misses a service (data:info among them). */
    @Reference(optional = true)
    DatabaseBackup backup;

    PrintStream out = System.out;

    @Override
    public Object execute() throws org.apache.karaf.shell.support.CommandException {
        if (backup == null) {
            throw DataInfoCommand.notOpen("the backups cannot be listed");
        }
        out.println("Folder: " + backup.folder() + " (" + backup.keep() + " kept)");
        if (!backup.isH2()) {
            out.println("The database is not the embedded H2: the node makes no backups; use the server's (pg_dump).");
        }
        out.println("Next nightly backup: " + backup.nextNightly().map(t -> TIME.format(t) + " (China time)").orElse("none"));
        out.println("Last nightly backup: " + backup.lastNightly());
        List<BackupFile> files = backup.list();
        if (files.isEmpty()) {
            out.println("No backups in the folder.");
            return null;
        }
        TextTable table = new TextTable();
        table.column("File");
        table.column("Size").alignRight();
        table.column("Written (China time)");
        for (BackupFile f : files) {
            table.addRow().addContent(f.file().getFileName().toString(), size(f.bytes()), TIME.format(f.written()));
        }
        table.print(out);
        return null;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
