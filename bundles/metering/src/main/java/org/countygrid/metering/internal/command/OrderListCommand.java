package org.countygrid.metering.internal.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "metering", name = "order-list", description = "Lists the office's field work orders (装表/拆表/换表)")
public class OrderListCommand extends MeteringCommand {

    @Reference
    WorkOrderService orders;

    @Option(name = "--status", description = "OPEN, SUSPENDED, COMPLETED or CANCELLED (default: all)")
    @Completion(value = StringsCompleter.class, values = { "OPEN", "SUSPENDED", "COMPLETED", "CANCELLED" })
    String status;

    @Option(name = "--worker", description = "Only the orders of this field worker")
    @Completion(WorkerCompleter.class)
    String worker;

    @Option(name = "--offset", description = "Orders to skip, newest first (default 0)")
    String offset;

    @Option(name = "--limit", description = "Orders to show (default: pageDefaultLimit, 50; at most 500)")
    String limit;

    @Override
    void run(Caller caller) {
        int skip = Page.requestedOffset(offset);
        Page<WorkOrderView> page = orders.orders(caller, status(), worker, null, skip, Page.requestedLimit(limit));
        List<WorkOrderView> list = page.items();
        TextTable table = new TextTable();
        table.column("Id").alignRight();
        table.column("Type");
        table.column("Status");
        table.column("Account");
        table.column("Worker");
        table.column("Old meter");
        table.column("New meter");
        table.column("Address").maxSize(30);
        for (WorkOrderView o : list) {
            table.addRow().addContent(o.id(), o.type(), o.status(), o.accountNumber(), MeterShowCommand.dash(o.worker()),
                    MeterShowCommand.dash(o.oldMeter()), MeterShowCommand.dash(o.newMeter()), MeterShowCommand.dash(o.address()));
        }
        table.print(System.out);
        System.out.println(list.isEmpty() ? "0 of " + page.total() + " work orders"
                : (skip + 1) + "-" + (skip + list.size()) + " of " + page.total() + " work orders, newest first");
    }

    private WorkOrderStatus status() {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WorkOrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--status must be one of OPEN, SUSPENDED, COMPLETED, CANCELLED, got: " + status);
        }
    }
}
