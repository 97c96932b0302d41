package org.countygrid.platform.integration.internal.command;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeTime;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.integration.EventHeaders;
import org.countygrid.platform.integration.EventRelay;
import org.countygrid.platform.integration.internal.NodeStaff;

/**
 * Hands published events again to one subscriber that missed them. Events are a topic: an event no started route
 * consumed is gone for routes that start later — accounts opened while the metering module was uninstalled for an
 * upgrade got no installation order. After the module is back, county IT replays what it missed, e.g.
 * {@code integration:event-replay --since "2026-11-27 09:00" customers.account-opened/metering}; the wiring makes an
 * order once per event, so events it had already received make none twice.
 */
@Service
@Command(scope = "integration", name = "event-replay", description = "Sends the published events of one type since a "
        + "time (China time) again to one subscriber's started route, e.g. customers.account-opened/metering")
public class EventReplayCommand implements Action {

    static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);

    @Reference
    EventRelay relay;

    @Reference
    NodeIdentity node;

    @Argument(index = 0, name = "subscription", required = true,
            description = "<event type>/<subscriber> (or <event type>): the endpoint direct:… of a started route")
    @Completion(SubscriptionCompleter.class)
    String subscription;

    @Option(name = "--since", required = true, description = "from this time on, China time: \"yyyy-MM-dd HH:mm\"")
    String since;

    @Override
    public Object execute() throws CommandException {
        try {
            NodeStaff.require(ShellCaller.require(Role.ADMIN), node);
            String given = subscription == null ? "" : subscription.strip();
            int slash = given.indexOf(EventHeaders.SUBSCRIBER_SEPARATOR);
            if (given.isEmpty() || slash == 0 || slash == given.length() - 1) {
                throw ShellCaller.refused("give the subscription as <event type>/<subscriber>, e.g. customers.account-opened/metering, "
                        + "or <event type> for the route on direct:<event type>");
            }
            Instant from = parse(since);
            String type = slash < 0 ? given : given.substring(0, slash);
            String subscriber = slash < 0 ? null : given.substring(slash + 1);
            int sent = relay.replay(type, subscriber, from);
            System.out.println("Sent " + sent + " published " + type + (sent == 1 ? " event" : " events") + " since "
                    + OfficeTime.format(from) + " (China time) again to direct:" + given);
        } catch (Problem | IllegalArgumentException | IllegalStateException e) {
            throw ShellCaller.refused(e.getMessage());
        }
        return null;
    }

    static Instant parse(String text) throws CommandException {
        try {
            return LocalDateTime.parse(text == null ? "" : text.strip(), SINCE).atZone(OfficeTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ShellCaller.refused("--since: give a time like \"2026-11-27 09:00\" (China time)");
        }
    }
}
