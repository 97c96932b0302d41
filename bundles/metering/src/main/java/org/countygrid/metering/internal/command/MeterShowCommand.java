package org.countygrid.metering.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.api.OfficeTime;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.MeterView;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "metering", name = "meter-show", description = "Shows one meter of the office, with its history on request")
public class MeterShowCommand extends MeteringCommand {

    @Reference
    MeterService meters;

    @Argument(index = 0, name = "barcode", required = true, description = "The 22-digit meter barcode")
    @Completion(BarcodeCompleter.class)
    String barcode;

    @Option(name = "--history", description = "Also list every transition: who, when, device, where")
    boolean history;

    @Override
    void run(Caller caller) {
        MeterView m = meters.meter(caller, barcode);
        TextTable table = factsTable();
        table.addRow().addContent("Barcode", m.barcode());
        table.addRow().addContent("Asset number", m.assetNumber());
        table.addRow().addContent("Comm address", m.commAddress());
        table.addRow().addContent("Type", m.phase() + " phase, fee control " + m.feeControl());
        table.addRow().addContent("Manufacturer", m.manufacturer() + ", class " + m.accuracyClass());
        table.addRow().addContent("Verified on", m.verifiedOn() == null ? "-" : m.verifiedOn());
        table.addRow().addContent("State", m.state());
        table.addRow().addContent("Warehouse", dash(m.warehouseCode()));
        table.addRow().addContent("Station / cabinet", dash(m.stationCode()) + " / " + dash(m.cabinetCode()));
        table.addRow().addContent("Holder", dash(m.holder()));
        table.addRow().addContent("Account", dash(m.accountNumber()));
        table.print(System.out);
        if (history) {
            printHistory(meters.history(caller, barcode));
        }
    }

    /** A two-column table of an asset's facts, one per row. */
    static TextTable factsTable() {
        TextTable table = new TextTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(60);
        return table;
    }

    /** An asset's transitions as a table: who, when, device, where. */
    static void printHistory(List<MeterTransitionView> history) {
        TextTable steps = new TextTable();
        steps.column(OfficeTime.label("When"));
        steps.column("From");
        steps.column("To");
        steps.column("Who");
        steps.column("Device");
        steps.column("Where").maxSize(30);
        steps.column("Detail").maxSize(40).wrap(); // an account number or reason is never cut
        for (MeterTransitionView t : history) {
            steps.addRow().addContent(OfficeTime.format(t.at()), t.from() == null ? "-" : t.from(), t.to(), t.actor(), dash(t.deviceId()),
                    dash(t.location()), dash(t.detail()));
        }
        steps.print(System.out);
    }

    static String dash(String value) {
        return value == null ? "-" : value;
    }
}
