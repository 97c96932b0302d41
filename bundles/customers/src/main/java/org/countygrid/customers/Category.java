package org.countygrid.customers;

/** The tariff category of an account (用电类别). */
public enum Category {
    /** 居民生活用电. */
    RESIDENTIAL,
    /** 商业用电. */
    COMMERCIAL,
    /** 工业用电. */
    INDUSTRIAL,
    /** 农业生产用电. */
    AGRICULTURAL
}
