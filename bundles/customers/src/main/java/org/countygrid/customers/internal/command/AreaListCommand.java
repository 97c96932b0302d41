package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.AreaView;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "customers", name = "area-list", description = "Lists the transformer areas (台区) of a supply station")
public class AreaListCommand extends CustomerCommand {

    @Argument(index = 0, name = "stationCode", required = true, description = "Code of the supply station")
    @Completion(StationCodeCompleter.class)
    String stationCode;

    @Override
    void run(Caller caller) {
        TextTable table = new TextTable();
        table.column("Code");
        table.column("Name");
        table.column("kVA").alignRight();
        for (AreaView a : customers.areas(caller, stationCode)) {
            table.addRow().addContent(a.code(), a.name(), a.capacityKva());
        }
        table.print(System.out);
    }
}
