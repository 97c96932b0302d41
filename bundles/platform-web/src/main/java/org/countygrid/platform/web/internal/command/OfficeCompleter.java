package org.countygrid.platform.web.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.platform.api.NodeIdentity;

/** This node's office: the one its staff belong to. */
@Service
public class OfficeCompleter implements Completer {

    @Reference
    NodeIdentity node;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(List.of(node.office().value())).complete(session, commandLine, candidates);
    }
}
