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

/** 领表 from the shell, e.g. at a station's service desk with a USB scanner typing the barcode. */
@Service
@Command(scope = "metering", name = "meter-receive", description = "Receives a pre-issued meter as the shell user (领表)")
public class MeterReceiveCommand extends MeteringCommand {

    @Reference
    MeterService meters;

    @Argument(index = 0, name = "barcode", required = true, description = "The 22-digit meter barcode")
    @Completion(BarcodeCompleter.class)
    String barcode;

    @Option(name = "--station", required = true, description = "The supply station the meter is received at")
    @Completion(StationCompleter.class)
    String station;

    @Option(name = "--device", description = "Scanner or terminal id for the audit row")
    String device;

    @Option(name = "--location", description = "Where, for the audit row")
    String location;

    @Override
    void run(Caller caller) {
        MeterView m = meters.receive(caller, barcode, station, new FieldContext(device, location));
        System.out.println("Received " + m.barcode() + " (" + m.assetNumber() + ") by " + m.holder() + " at station "
                + m.stationCode());
    }
}
