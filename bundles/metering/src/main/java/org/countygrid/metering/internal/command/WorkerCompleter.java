package org.countygrid.metering.internal.command;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.platform.api.security.Caller;

/** Completes the field workers of the caller's office (logins with the role field). */
@Service
public class WorkerCompleter extends OfficeDataCompleter {

    @Reference
    WorkOrderService orders;

    @Override
    Collection<String> candidates(Caller caller) {
        return orders.workers(caller);
    }
}
