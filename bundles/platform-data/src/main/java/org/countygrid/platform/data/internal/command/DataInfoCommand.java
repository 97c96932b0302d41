package org.countygrid.platform.data.internal.command;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.shell.TextTable;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.internal.DataSourceDiagnosis;
import org.countygrid.platform.data.internal.DatabaseConnector;
import org.countygrid.platform.data.internal.DatabaseDescription;
import org.countygrid.platform.data.internal.DatabaseService;

/**
 * {@code data:info}: which database this node runs on and how far the outbox relay is behind; while the database
 * cannot be opened, why not. Admin only (ACL).
 */
@Service
@Command(scope = "data", name = "info", description = "Shows the database, its URL, the connection pool and the unpublished events, or why the database cannot be opened")
public class DataInfoCommand implements Action {

    /** Optional: there is none while the datasource file yields no DataSource (then {@code diagnosis} says why). */
    @Reference(optional = true)
    DatabaseConnector connector;

    @Reference
    DataSourceDiagnosis diagnosis;

    @Reference(optional = true)
    EventOutbox outbox;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        TextTable table = new TextTable();
        table.column("Property");
        table.column("Value");
        Optional<String> unconfigured = diagnosis.problem();
        if (connector == null || unconfigured.isPresent()) {
            table.addRow().addContent("Database", "NOT CONFIGURED: " + unconfigured.orElse("the DataSource is being made"));
            table.addRow().addContent("File", diagnosis.file());
            table.print(out);
            return null;
        }
        Optional<DatabaseService> open = connector.database();
        DatabaseDescription db = null;
        String error = null;
        if (open.isPresent()) {
            try {
                db = open.get().describe();
            } catch (IllegalStateException lost) {
                // opened once, does not answer now (PostgreSQL stopped, the network down): the pool reconnects by itself
                error = DatabaseConnector.reason(lost);
            }
        }
        if (db != null) {
            table.addRow().addContent("Database", db.product() + " " + db.productVersion());
            table.addRow().addContent("URL", db.url());
            table.addRow().addContent("User", db.user());
            table.addRow().addContent("Pool", db.pool());
            table.addRow().addContent("Unpublished events", outbox != null ? outbox.pendingCount() : "unknown: the event outbox is not running");
        } else {
            DatabaseConnector.Status status = connector.status();
            if (open.isPresent()) {
                table.addRow().addContent("Database", "NOT ANSWERING (it was opened; requests get 503 until it answers)");
                table.addRow().addContent("Error", error);
            } else if (status.failures() == 0) {
                table.addRow().addContent("Database", "being opened");
            } else {
                table.addRow().addContent("Database", "CANNOT BE OPENED: " + status.failures() + (status.failures() == 1 ? " try" : " tries")
                        + " since " + time(status.since()) + ", the next at " + time(status.nextTry()) + "; the modules wait for it");
                table.addRow().addContent("Error", status.error());
            }
            table.addRow().addContent("URL", connector.url());
            table.addRow().addContent("User", connector.user());
            table.addRow().addContent("Pool", connector.pool());
        }
        table.print(out);
        return null;
    }

    /** What data:backup and data:backup-list say while the database is not open: exit status 1 from scripts. */
    static CommandException notOpen(String consequence) {
        String message = "The database is not open (data:info says why); " + consequence + ".";
        return new CommandException("Error: " + message, message);
    }

    private static String time(Instant instant) {
        return instant == null ? "?" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
