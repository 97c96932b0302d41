package org.countygrid.customers;

/** The supply voltage of an account (供电电压). */
public enum VoltageLevel {
    V220("220V"),
    V380("380V"),
    KV10("10kV"),
    KV35("35kV"),
    KV110("110kV");

    private final String label;

    VoltageLevel(String label) {
        this.label = label;
    }

    /** As written on a bill, e.g. {@code 10kV}. */
    public String label() {
        return label;
    }
}
