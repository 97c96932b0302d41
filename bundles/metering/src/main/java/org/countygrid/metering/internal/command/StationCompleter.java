package org.countygrid.metering.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.internal.AccountRegister;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Completes the supply station codes of the caller's office while the customers module runs (it knows them). The
 * register is looked up at each completion: customers comes and goes while the node runs, and Karaf injects an
 * optional reference only when the command is registered.
 */
@Service
public class StationCompleter implements Completer {

    @Reference
    BundleContext bundleContext;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        ServiceReference<AccountRegister> reference = bundleContext.getServiceReference(AccountRegister.class);
        AccountRegister accounts = reference == null ? null : bundleContext.getService(reference);
        if (accounts == null) {
            return -1;
        }
        StringsCompleter codes = new StringsCompleter();
        try {
            codes.getStrings().addAll(accounts.stationCodes(MeteringCommand.currentCaller()));
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        } finally {
            bundleContext.ungetService(reference);
        }
        return codes.complete(session, commandLine, candidates);
    }
}
