package org.countygrid.metering.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.countygrid.metering.FieldContext;

/** 调拨 from the shell, for meters and terminals alike: the asset is the first argument, the warehouse the second. */
abstract class TransferCommand extends MeteringCommand {

    @Argument(index = 1, name = "warehouse", required = true, description = "The warehouse code it moves to, e.g. KF-02")
    @Completion(WarehouseCompleter.class)
    String warehouse;

    @Option(name = "--device", description = "Scanner or terminal id for the audit row")
    String device;

    FieldContext where() {
        return new FieldContext(device, null);
    }

    static void moved(String asset, Object detail, Object state, String warehouseCode) {
        System.out.println("Moved " + asset + " (" + detail + ", " + state + ") to warehouse " + warehouseCode);
    }
}
