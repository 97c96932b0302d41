package org.countygrid.platform.integration.internal.command;

import java.util.List;
import java.util.TreeSet;

import org.apache.camel.Route;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.integration.EventHeaders;
import org.countygrid.platform.integration.internal.CountyGridCamel;

/** Completes the named subscriptions of the routes there now: {@code <event type>/<subscriber>} of direct:… endpoints. */
@Service
public class SubscriptionCompleter implements Completer {

    @Reference
    CountyGridCamel camel;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> subscriptions = new TreeSet<>();
        for (Route route : camel.camel().getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri().replaceFirst("^direct://?", "");
            if (!uri.equals(route.getEndpoint().getEndpointUri()) && uri.contains(EventHeaders.SUBSCRIBER_SEPARATOR)) {
                subscriptions.add(uri);
            }
        }
        return new StringsCompleter(subscriptions).complete(session, commandLine, candidates);
    }
}
