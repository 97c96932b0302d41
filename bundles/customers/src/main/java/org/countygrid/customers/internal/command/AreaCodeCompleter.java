package org.countygrid.customers.internal.command;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.AreaView;
import org.countygrid.customers.CustomerService;
import org.countygrid.platform.api.security.Caller;

/** Completes the transformer area codes of the user's office (hundreds in a county), station by station. */
@Service
public class AreaCodeCompleter extends OfficeDataCompleter {

    @Reference
    CustomerService customers;

    @Override
    Collection<String> candidates(Caller caller) {
        return customers.stations(caller).stream()
                .flatMap(station -> customers.areas(caller, station.code()).stream().map(AreaView::code)).toList();
    }
}
