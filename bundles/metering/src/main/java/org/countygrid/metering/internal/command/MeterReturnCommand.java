package org.countygrid.metering.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.MeterView;
import org.countygrid.platform.api.security.Caller;

/** 退库 from the shell: a pre-issued or received meter that will not be installed goes back to its warehouse. */
@Service
@Command(scope = "metering", name = "meter-return", description = "Takes a pre-issued or received meter back into its warehouse (退库)")
public class MeterReturnCommand extends MeteringCommand {

    @Reference
    MeterService meters;

    @Argument(index = 0, name = "barcode", required = true, description = "The 22-digit meter barcode")
    @Completion(BarcodeCompleter.class)
    String barcode;

    @Argument(index = 1, name = "reason", required = true, description = "Why it goes back, e.g. \"worker left\" (at most 200 characters)")
    String reason;

    @Option(name = "--device", description = "Scanner or terminal id for the audit row")
    String device;

    @Override
    void run(Caller caller) {
        MeterView m = meters.returnToStock(caller, barcode, reason, new FieldContext(device, null));
        System.out.println("Returned " + m.barcode() + " (" + m.assetNumber() + ", " + m.state() + ") to warehouse "
                + m.warehouseCode());
    }
}
