package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "customers", name = "station-list", description = "Lists the office's supply stations (供电所)")
public class StationListCommand extends CustomerCommand {

    @Override
    void run(Caller caller) {
        TextTable table = new TextTable();
        table.column("Code");
        table.column("Name");
        table.column("Areas").alignRight();
        for (StationView s : customers.stations(caller)) {
            table.addRow().addContent(s.code(), s.name(), s.areaCount());
        }
        table.print(System.out);
    }
}
