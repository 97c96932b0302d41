package org.countygrid.demo.internal.generate;

import java.util.List;

import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.VoltageLevel;

/** The few important power users (重要电力用户) a county seat has: hospitals, water, government, communications. */
record ImportantUser(String name, Category category, VoltageLevel voltage, ImportantUserClass importance) {

    static final List<ImportantUser> COUNTY_SEAT = List.of(
            new ImportantUser("县人民医院", Category.COMMERCIAL, VoltageLevel.KV10, ImportantUserClass.FIRST),
            new ImportantUser("县中医院", Category.COMMERCIAL, VoltageLevel.KV10, ImportantUserClass.SECOND),
            new ImportantUser("县自来水公司城北水厂", Category.INDUSTRIAL, VoltageLevel.KV10, ImportantUserClass.FIRST),
            new ImportantUser("县人民政府", Category.COMMERCIAL, VoltageLevel.KV10, ImportantUserClass.SECOND),
            new ImportantUser("县公安局", Category.COMMERCIAL, VoltageLevel.KV10, ImportantUserClass.SECOND),
            new ImportantUser("县广播电视台", Category.COMMERCIAL, VoltageLevel.KV10, ImportantUserClass.SECOND),
            new ImportantUser("县移动通信枢纽楼", Category.COMMERCIAL, VoltageLevel.KV10, ImportantUserClass.FIRST),
            new ImportantUser("城关镇污水处理厂", Category.INDUSTRIAL, VoltageLevel.KV10, ImportantUserClass.SECOND),
            new ImportantUser("县第一中学高考考点", Category.COMMERCIAL, VoltageLevel.V380, ImportantUserClass.TEMPORARY));
}
