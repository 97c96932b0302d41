package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.NewStation;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.security.Caller;

@Service
@Command(scope = "customers", name = "station-add", description = "Adds a supply station (供电所) to the office")
public class StationAddCommand extends CustomerCommand {

    @Argument(index = 0, name = "code", required = true, description = "2-8 upper-case letters or digits, e.g. HX")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "Station name, e.g. 鹤溪镇供电所")
    String name;

    @Override
    void run(Caller caller) {
        StationView added = customers.addStation(caller, new NewStation(code, name));
        System.out.println("Added station " + added.code() + " " + added.name());
    }
}
