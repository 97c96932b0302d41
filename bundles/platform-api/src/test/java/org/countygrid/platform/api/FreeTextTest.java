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
    }
}
