package org.countygrid.metering.internal.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.countygrid.metering.InstalledBase;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.TerminalKind;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.FieldErrors;

/**
 * Checks an installed base before anything is stored: every meter and terminal as a single arrival would be, no
 * barcode, asset number, address or account twice, an area for every terminal; and picks each area's reading
 * terminal (its concentrator, else a collector; the first by asset number).
 */
public final class InstalledBaseCheck {

    private InstalledBaseCheck() {
    }

    /** The clean base and, per area, its reading terminal. */
    public record Checked(List<InstalledBase.Meter> meters, List<InstalledBase.Terminal> terminals,
            Map<String, InstalledBase.Terminal> readers) {
    }

    public static Checked check(InstalledBase base) {
        FieldErrors errors = new FieldErrors();
        List<InstalledBase.Terminal> terminals = new ArrayList<>();
        Set<String> assets = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < base.terminals().size(); i++) {
            InstalledBase.Terminal t = base.terminals().get(i);
            String at = "terminals[" + i + "].";
            String area = Texts.required(errors, at + "areaCode", t.areaCode(), AssetLife.MAX_CODE);
            try {
                org.countygrid.metering.NewTerminal clean = Terminal.checked(t.terminal());
                if (!assets.add(clean.assetNumber())) {
                    errors.add(at + "assetNumber", "appears twice");
                }
                if (!addresses.add(clean.address())) {
                    errors.add(at + "address", "appears twice");
                }
                terminals.add(new InstalledBase.Terminal(clean, area, t.installedAt()));
            } catch (org.countygrid.platform.api.ValidationException e) {
                e.errors().forEach(f -> errors.add(at + f.field(), f.message()));
            }
        }
        List<InstalledBase.Meter> meters = new ArrayList<>(base.meters().size());
        Set<String> barcodes = new HashSet<>();
        Set<String> meterAssets = new HashSet<>();
        Set<String> commAddresses = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        for (int i = 0; i < base.meters().size(); i++) {
            InstalledBase.Meter m = base.meters().get(i);
            String at = "meters[" + i + "].";
            FieldErrors one = new FieldErrors();
            NewMeter clean = MeterIdentity.check(one, m.meter());
            if (!one.isEmpty()) {
                MeterIdentity.check(errors.nested("meters[" + i + "]"), m.meter()); // again, to report it
                continue;
            }
            if (!barcodes.add(clean.barcode())) {
                errors.add(at + "barcode", "appears twice");
            }
            if (!meterAssets.add(clean.assetNumber())) {
                errors.add(at + "assetNumber", "appears twice");
            }
            if (!commAddresses.add(clean.commAddress())) {
                errors.add(at + "commAddress", "appears twice");
            }
            if (m.accountNumber() == null || !AccountNumber.isValid(m.accountNumber())) {
                errors.add(at + "accountNumber", "must be exactly 10 digits");
            } else if (!accounts.add(m.accountNumber())) {
                errors.add(at + "accountNumber", "has a second meter");
            }
            if (m.installedAt() == null) {
                errors.add(at + "installedAt", Texts.REQUIRED);
            }
            meters.add(new InstalledBase.Meter(clean, m.accountNumber(), Texts.clean(m.areaCode()), m.installedAt()));
        }
        errors.throwIfAny();
        Map<String, InstalledBase.Terminal> readers = new HashMap<>();
        terminals.stream().sorted(java.util.Comparator
                .comparing((InstalledBase.Terminal t) -> t.terminal().kind() == TerminalKind.CONCENTRATOR ? 0 : 1)
                .thenComparing(t -> t.terminal().assetNumber()))
                .forEach(t -> readers.putIfAbsent(t.areaCode(), t));
        return new Checked(meters, terminals, readers);
    }
}
