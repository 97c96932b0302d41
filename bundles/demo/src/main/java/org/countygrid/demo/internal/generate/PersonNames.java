package org.countygrid.demo.internal.generate;

import java.util.SplittableRandom;

/**
 * Plausible Chinese personal names: surnames weighted by their share of the population (per ten thousand,
 * after the 2020 census ranking), given names of one or two characters.
 */
final class PersonNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final int[] SURNAME_WEIGHTS = { 725, 719, 683, 538, 453, 308, 229, 223, 205, 195, 166, 154, 144,
            142, 132, 130, 118, 116, 110, 109, 105, 101, 94, 86, 84, 78, 76, 75, 73, 70, 70, 66, 64, 58, 57, 56, 55,
            54, 53, 51, 50, 49, 48, 48, 47, 46, 46, 44, 43, 41, 41, 41, 40, 39, 38, 37, 37, 36, 35, 34, 33, 32, 31,
            30, 30, 29, 29, 28, 27, 27, 27, 26, 26, 25, 25, 24, 24, 24, 24, 23, 23, 23, 22, 22, 22, 22, 21, 21, 21,
            20, 20, 20, 20, 20, 19, 19, 19, 19, 18, 18 };

    private static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国志文海峰云东红兵春生福贵德成荣新";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英玉兰桂梅琴凤萍红燕莉雪慧婷倩颖琳洁云佳欣悦晶丹玲妍";

    private final Weighted<String> surnames;

    PersonNames() {
        String[] values = SURNAMES.codePoints().mapToObj(Character::toString).toArray(String[]::new);
        surnames = new Weighted<>(SURNAME_WEIGHTS, values);
    }

    String next(SplittableRandom random) {
        String given = random.nextBoolean() ? MALE : FEMALE;
        StringBuilder name = new StringBuilder(surnames.pick(random)).append(given.charAt(random.nextInt(given.length())));
        if (random.nextInt(100) < 72) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }
}
