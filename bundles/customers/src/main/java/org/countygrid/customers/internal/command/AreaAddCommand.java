package org.countygrid.customers.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.AreaView;
import org.countygrid.customers.NewArea;
import org.countygrid.platform.api.security.Caller;

@Service
@Command(scope = "customers", name = "area-add", description = "Adds a transformer area (台区) to a supply station of the office")
public class AreaAddCommand extends CustomerCommand {

    /** A usual rated size of a rural 台区 transformer (200, 315 and 400 kVA are common); --capacity for any other. */
    static final int DEFAULT_CAPACITY_KVA = 400;

    @Argument(index = 0, name = "stationCode", required = true, description = "Code of the supply station")
    @Completion(StationCodeCompleter.class)
    String stationCode;

    @Argument(index = 1, name = "code", required = true, description = "Area code, e.g. CG-T001")
    String code;

    @Argument(index = 2, name = "name", required = true, description = "Area name, e.g. 城关镇1号台区")
    String name;

    @Option(name = "--capacity", description = "Rated transformer capacity in kVA, 1-100000 (default 400)")
    int capacity = DEFAULT_CAPACITY_KVA;

    @Override
    void run(Caller caller) {
        AreaView added = customers.addArea(caller, stationCode, new NewArea(code, name, capacity));
        System.out.println("Added area " + added.code() + " " + added.name() + " (" + added.capacityKva()
                + " kVA) to station " + added.stationCode());
    }
}
