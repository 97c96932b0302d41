package org.countygrid.platform.data.internal.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.api.shell.TextTable;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.internal.DatabaseDescription;
import org.countygrid.platform.data.internal.DatabaseService;

/** {@code data:info}: which database this node runs on and how far the outbox relay is behind. Admin only (ACL). */
@Service
@Command(scope = "data", name = "info", description = "Shows the database, its URL, the connection pool and the unpublished events")
public class DataInfoCommand implements Action {

    @Reference
    DatabaseService database;

    @Reference
    EventOutbox outbox;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        DatabaseDescription db = database.describe();
        TextTable table = new TextTable();
        table.column("Property");
        table.column("Value");
        table.addRow().addContent("Database", db.product() + " " + db.productVersion());
        table.addRow().addContent("URL", db.url());
        table.addRow().addContent("User", db.user());
        table.addRow().addContent("Pool", db.pool());
        table.addRow().addContent("Unpublished events", outbox.pendingCount());
        table.print(out);
        return null;
    }
}
