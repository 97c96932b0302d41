package org.countygrid.platform.integration.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.integration.EventRelay;
import org.countygrid.platform.integration.HeldSubscriber;
import org.countygrid.platform.integration.internal.NodeStaff;

/**
 * Lets a subscriber that the relay holds at an event it fails go on: past that one event (a payload it can never
 * take), or with {@code --all} past every event it is behind. {@code integration:route-list} shows who is held.
 */
@Service
@Command(scope = "integration", name = "subscriber-skip", description = "Lets a held subscriber go past the event it "
        + "fails (or, with --all, every event it is behind), e.g. customers.account-opened/bank")
public class SubscriberSkipCommand implements Action {

    @Reference
    EventRelay relay;

    @Reference
    NodeIdentity node;

    @Argument(index = 0, name = "subscription", required = true,
            description = "a held subscription as integration:route-list shows it: <event type>[/<subscriber>]")
    @Completion(HeldCompleter.class)
    String subscription;

    @Option(name = "--all", description = "skip every event it is behind, not only the one it fails")
    boolean all;

    @Override
    public Object execute() throws CommandException {
        try {
            NodeStaff.require(ShellCaller.require(Role.ADMIN), node);
            System.out.println(capitalized(relay.skip(subscription.strip(), all)));
        } catch (Problem | IllegalArgumentException | IllegalStateException e) {
            throw ShellCaller.refused(e.getMessage());
        }
        return null;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Completes the subscriptions held now. */
    @Service
    public static class HeldCompleter implements Completer {

        @Reference
        EventRelay relay;

        @Override
        public int complete(Session session, CommandLine commandLine, java.util.List<String> candidates) {
            return new StringsCompleter(relay.stats().held().stream().map(HeldSubscriber::subscription).toList())
                    .complete(session, commandLine, candidates);
        }
    }
}
