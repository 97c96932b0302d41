package org.countygrid.demo.internal.generate;

import java.util.SplittableRandom;

/** Names of shops, workshops and farms: a trade name (字号) and what the business is. */
final class BusinessNames {

    private static final String[] TRADE_NAMES = { "鑫源", "宏达", "兴旺", "福满", "金鼎", "恒通", "永盛", "华丰", "顺发",
            "利民", "佳美", "百佳", "惠民", "隆兴", "瑞丰", "万家", "天成", "新鸿", "长青", "富民", "红星", "汇丰", "德顺" };
    private static final String[] SHOPS = { "超市", "便利店", "饭店", "小吃店", "五金店", "农资店", "药房", "理发店",
            "服装店", "宾馆", "茶楼", "副食店", "手机店", "家电城", "烟酒店", "诊所", "快递站", "幼儿园" };
    private static final String[] WORKS = { "砖厂", "木材加工厂", "米厂", "机械厂", "建材有限公司", "食品厂",
            "纺织厂", "竹制品厂", "茶叶加工厂", "石材厂", "饲料厂", "塑料制品厂", "混凝土有限公司" };
    private static final String[] FARMS = { "灌溉泵站", "养殖场", "家庭农场", "蔬菜基地", "茶园", "水产养殖场",
            "果园", "育秧工厂", "排涝站" };

    private BusinessNames() {
    }

    static String shop(SplittableRandom random) {
        return pick(random, TRADE_NAMES) + pick(random, SHOPS);
    }

    static String works(SplittableRandom random, Town town) {
        return town.name() + pick(random, TRADE_NAMES) + pick(random, WORKS);
    }

    static String farm(SplittableRandom random, String village) {
        return village + pick(random, FARMS);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
