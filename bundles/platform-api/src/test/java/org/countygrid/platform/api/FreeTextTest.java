package org.countygrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void textWithControlOrBrokenCharactersIsUnfit() {
        assertThat(FreeText.problem("王小明 城关镇人民路18号")).isNull();
        assertThat(FreeText.problem("𠀋 and 😀")).as("whole surrogate pairs").isNull();
        assertThat(FreeText.problem("")).isNull();
        assertThat(FreeText.problem(null)).isNull();
        assertThat(FreeText.problem("a\u0000b")).isEqualTo(FreeText.CONTROL);
        assertThat(FreeText.problem("第一行\n第二行")).isEqualTo(FreeText.CONTROL);
        assertThat(FreeText.problem("\uD83D王")).as("a high surrogate alone").isEqualTo(FreeText.BROKEN);
        assertThat(FreeText.problem("王\uDE00")).as("a low surrogate alone").isEqualTo(FreeText.BROKEN);
        assertThat(FreeText.problem("王\uD83D")).as("a high surrogate at the end").isEqualTo(FreeText.BROKEN);
        for (String layout : new String[] { "测试\u2028乙", "测试\u2029乙", "测试\u202e乙", "a\u2066b\u2069", "\u200f王" }) {
            assertThat(FreeText.problem(layout)).as("line separators and bidi controls (probe)").isEqualTo(FreeText.CONTROL);
        }
        assertThat(FreeText.problem("👨\u200d👩")).as("a zero-width joiner inside an emoji").isNull();
    }
}
