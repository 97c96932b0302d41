package org.countygrid.metering.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.MeterView;

/** Completes barcodes of the office's meters from six typed digits on: one page of candidates, so a tab stays instant. */
@Service
public class BarcodeCompleter implements Completer {

    static final int MIN_PREFIX = 6;

    @Reference
    MeterService meters;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument() == null ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
        if (typed.length() < MIN_PREFIX || !typed.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        StringsCompleter barcodes = new StringsCompleter();
        try {
            meters.meters(MeteringCommand.currentCaller(), null, typed, 0, 50).items().stream().map(MeterView::barcode)
                    .filter(b -> b.startsWith(typed)).forEach(barcodes.getStrings()::add);
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return barcodes.complete(session, commandLine, candidates);
    }
}
