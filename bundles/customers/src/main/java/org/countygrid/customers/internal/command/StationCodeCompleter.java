package org.countygrid.customers.internal.command;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.security.Caller;

/** Completes the supply station codes of the user's office: tens at most, so all of them are offered. */
@Service
public class StationCodeCompleter extends OfficeDataCompleter {

    @Reference
    CustomerService customers;

    @Override
    Collection<String> candidates(Caller caller) {
        return customers.stations(caller).stream().map(StationView::code).toList();
    }
}
