package org.countygrid.metering.internal.command;

import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.internal.AccountRegister;
import org.countygrid.platform.api.security.Caller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Completes the supply station codes of the caller's office while the customers module runs (it knows them). The
 * register is looked up at each completion: customers comes and goes while the node runs, and Karaf injects an
 * optional reference only when the command is registered.
 */
@Service
public class StationCompleter extends OfficeDataCompleter {

    @Reference
    BundleContext bundleContext;

    @Override
    Collection<String> candidates(Caller caller) {
        ServiceReference<AccountRegister> reference = bundleContext.getServiceReference(AccountRegister.class);
        AccountRegister accounts = reference == null ? null : bundleContext.getService(reference);
        if (accounts == null) {
            return List.of();
        }
        try {
            return accounts.stationCodes(caller);
        } finally {
            bundleContext.ungetService(reference);
        }
    }
}
