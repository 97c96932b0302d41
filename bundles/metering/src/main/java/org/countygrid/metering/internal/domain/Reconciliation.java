package org.countygrid.metering.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.countygrid.metering.TopologyCheck;

/**
 * Compares our topology of one terminal with the archive the terminal reported. Pure: the caller loads what it
 * needs and applies what this decides.
 *
 * @param ours      comm address → barcode of the meters we hang under the terminal
 * @param elsewhere comm address → where the meter of a reported address is, for reported addresses not in
 *                  {@code ours} whose meter we know: the barcode and whether it is installed in the terminal's area
 *                  and under which terminal (null: none)
 */
public record Reconciliation(Map<String, String> ours, Set<String> reported, Map<String, Known> elsewhere) {

    /** A meter we know for a reported address that we do not hang under this terminal. */
    public record Known(String barcode, boolean installedInArea, String underTerminal, String state) {
    }

    /** The differences, and the fixes: meters to attach here, addresses the terminal must add and delete. */
    public record Outcome(List<String> missing, List<String> extra, List<TopologyCheck.Mismatch> mismatched,
            List<String> attachHere, List<String> terminalAdds, List<String> terminalDeletes) {
    }

    public Outcome compare() {
        List<String> missing = new ArrayList<>(new TreeSet<>(ours.keySet()).stream()
                .filter(a -> !reported.contains(a)).toList());
        List<String> extra = new ArrayList<>();
        List<TopologyCheck.Mismatch> mismatched = new ArrayList<>();
        List<String> attachHere = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (String address : new TreeSet<>(reported)) {
            if (ours.containsKey(address)) {
                continue;
            }
            Known k = elsewhere.get(address);
            if (k == null) {
                extra.add(address);
                deletes.add(address);
            } else if (k.installedInArea()) {
                mismatched.add(new TopologyCheck.Mismatch(address, k.barcode(), k.underTerminal() == null
                        ? "installed in this area but under no terminal" : "under terminal " + k.underTerminal()));
                attachHere.add(k.barcode());
            } else {
                mismatched.add(new TopologyCheck.Mismatch(address, k.barcode(), k.underTerminal() != null
                        ? "under terminal " + k.underTerminal() + " in another area"
                        : "not installed in this area (it is " + k.state() + ")"));
                deletes.add(address);
            }
        }
        return new Outcome(missing, extra, mismatched, attachHere, missing, deletes);
    }
}
