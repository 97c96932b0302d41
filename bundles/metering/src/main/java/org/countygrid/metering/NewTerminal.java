package org.countygrid.metering;

/**
 * A collection terminal arriving in stock: asset number (1-30 letters, digits, '-'), terminal address (行政区划码 +
 * 终端地址: 4-16 hex digits, upper case), kind and manufacturer.
 */
public record NewTerminal(String assetNumber, String address, TerminalKind kind, String manufacturer) {
}
