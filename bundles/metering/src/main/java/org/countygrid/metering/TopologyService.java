package org.countygrid.metering;

import java.time.LocalDate;
import java.util.List;

import org.countygrid.platform.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Collection terminals as assets (same lifecycle as meters: stock changes need operator or admin, receiving and
 * installing a field worker) and the terminal ↔ meter topology of the caller's office. Completing a work order keeps
 * the topology in step by itself (a meter installed in an area hangs under the area's terminal, a removed one comes
 * off, a replacement moves the attachment to the new meter); installing a terminal in an area attaches the meters
 * installed there that no terminal reads, removing it detaches its meters. Each change publishes
 * {@code metering.topology-changed}.
 */
@ProviderType
public interface TopologyService {

    /** Adds a terminal in state IN_STOCK, in the configured default warehouse. */
    TerminalView register(Caller caller, NewTerminal terminal, FieldContext where);

    /**
     * Adds a terminal in state IN_STOCK (入库) in warehouse (库房) {@code warehouseCode}, the configured default when
     * null or blank.
     */
    TerminalView register(Caller caller, NewTerminal terminal, String warehouseCode, FieldContext where);

    TerminalView terminal(Caller caller, String assetNumber);

    /** Every transition of a terminal, oldest first: who, when, which device, where (404 for an unknown one). */
    List<MeterTransitionView> history(Caller caller, String assetNumber);

    /** Terminals of an area (all of the office when null). */
    List<TerminalView> terminals(Caller caller, String areaCode);

    TerminalView verify(Caller caller, String assetNumber, LocalDate verifiedOn, FieldContext where);

    TerminalView preIssue(Caller caller, String assetNumber, String stationCode, String cabinetCode, FieldContext where);

    TerminalView receive(Caller caller, String assetNumber, String stationCode, FieldContext where);

    /**
     * 调拨: a terminal IN_STOCK or VERIFIED moves to warehouse {@code warehouseCode}; refused (409) in any other state
     * or when it is there already. Audited like a transition.
     */
    TerminalView transfer(Caller caller, String assetNumber, String warehouseCode, FieldContext where);

    /** The field worker who received it installs it in transformer area {@code areaCode}. */
    TerminalView install(Caller caller, String assetNumber, String areaCode, FieldContext where);

    TerminalView remove(Caller caller, String assetNumber, FieldContext where);

    TerminalView scrap(Caller caller, String assetNumber, String reason, FieldContext where);

    /** 退库: a PRE_ISSUED or RECEIVED terminal that will not be installed goes back to its warehouse as VERIFIED. */
    TerminalView returnToStock(Caller caller, String assetNumber, String reason, FieldContext where);

    AreaTopology area(Caller caller, String areaCode);

    /**
     * The archive a terminal reported (the meter addresses it reads, as the AMI channel delivers them), kept as its
     * latest, and compared with ours.
     */
    TopologyCheck report(Caller caller, String assetNumber, List<String> meterAddresses);

    /** Ours compared with the terminal's latest reported archive. */
    TopologyCheck check(Caller caller, String assetNumber);

    /**
     * Applies the fix of {@link #check}: reported meters installed in the terminal's area are attached to it (moved
     * from another terminal if need be); what the terminal itself must change — meters to add to its archive and
     * addresses to delete — is published as {@code metering.terminal-archive-sync} for the AMI channel to download.
     */
    TopologyCheck apply(Caller caller, String assetNumber);
}
