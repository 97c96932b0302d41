package org.countygrid.demo.internal.generate;

import java.util.List;

/** A town (镇/乡) of the demo county; each has one supply station. The first, 城关镇, is the county seat. */
record Town(String name, String code, boolean urban) {

    static final List<Town> ALL = List.of(
            new Town("城关镇", "CG", true), new Town("青山镇", "QS", false), new Town("白沙镇", "BS", false),
            new Town("石桥镇", "SQ", false), new Town("柳溪乡", "LX", false), new Town("新塘镇", "XT", false),
            new Town("龙泉镇", "LQ", false), new Town("桃源乡", "TY", false), new Town("东岭镇", "DL", false),
            new Town("西河镇", "XH", false), new Town("南湖镇", "NH", false), new Town("北坪乡", "BP", false),
            new Town("梅林镇", "ML", false), new Town("清水镇", "QSH", false), new Town("杨柳镇", "YL", false),
            new Town("大坪乡", "DP", false), new Town("双溪镇", "SX", false), new Town("花园镇", "HY", false),
            new Town("马鞍乡", "MA", false), new Town("金鸡镇", "JJ", false), new Town("云台乡", "YT", false),
            new Town("高桥镇", "GQ", false), new Town("凤凰镇", "FH", false), new Town("长岭乡", "CL", false));

    /** The town of station {@code index}; beyond the list, numbered new towns. */
    static Town of(int index) {
        return index < ALL.size() ? ALL.get(index) : new Town("新区" + (index + 1) + "镇", "T" + (index + 1), false);
    }

    String stationName() {
        return (urban ? name.substring(0, name.length() - 1) : name) + "供电所";
    }
}
