package org.countygrid.demo.internal.generate;

import java.util.SplittableRandom;

/** Village names (村) for rural transformer areas and road names (路) for the county seat. */
final class Localities {

    private static final String[] VILLAGE_FIRST = { "石", "李家", "王家", "张家", "刘家", "陈家", "杨", "黄土", "赵家",
            "上", "下", "大", "小", "新", "老", "东", "西", "南", "北", "前", "后", "高", "长", "白", "清", "柳", "桃",
            "杏", "枫", "松", "竹", "梅", "青", "红", "金", "银", "龙", "凤" };
    private static final String[] VILLAGE_SECOND = { "门", "湾", "坪", "岭", "塘", "冲", "坝", "桥", "溪", "山", "庄",
            "沟", "坡", "垸", "田", "林", "港", "口", "铺", "堡" };
    private static final String[] ROADS = { "人民路", "解放路", "建设路", "中山路", "胜利路", "新华路", "文化路",
            "和平路", "健康路", "迎宾大道", "滨江路", "青年路", "工业园路", "站前路", "府前街", "东风路", "光明路",
            "朝阳路", "民主街", "商贸街" };

    private Localities() {
    }

    static String village(SplittableRandom random) {
        return VILLAGE_FIRST[random.nextInt(VILLAGE_FIRST.length)] + VILLAGE_SECOND[random.nextInt(VILLAGE_SECOND.length)] + "村";
    }

    static String road(SplittableRandom random) {
        return ROADS[random.nextInt(ROADS.length)];
    }
}
