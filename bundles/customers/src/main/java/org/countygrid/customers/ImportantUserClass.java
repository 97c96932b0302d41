package org.countygrid.customers;

/**
 * Important power user class (重要电力用户分级, GB/T 29328): how bad an outage of this user would be, which
 * decides its backup supply and the order of restoration.
 */
public enum ImportantUserClass {
    /** 非重要用户. */
    NONE,
    /** 特级重要电力用户. */
    SPECIAL,
    /** 一级重要电力用户. */
    FIRST,
    /** 二级重要电力用户. */
    SECOND,
    /** 临时性重要电力用户. */
    TEMPORARY
}
