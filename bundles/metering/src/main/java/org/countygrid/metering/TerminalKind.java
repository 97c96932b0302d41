package org.countygrid.metering;

/** A collection terminal (采集终端): a concentrator (集中器) reads the meters of a transformer area, a collector (采集器) relays for some of them. */
public enum TerminalKind {
    CONCENTRATOR, COLLECTOR
}
