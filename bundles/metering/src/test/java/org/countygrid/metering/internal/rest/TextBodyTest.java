package org.countygrid.metering.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

/** A delivery file is read in the charset it was saved in: named, UTF-8, or the GBK of a Chinese Excel. */
class TextBodyTest {

    private static final String LINE = "3300000000000000000001,QS-M0000001,000000000001,SINGLE,LOCAL,威胜,2";

    @Test
    void aFileFromAChineseExcelWithoutACharsetIsReadAsGbk() {
        byte[] gbk = LINE.getBytes(Charset.forName("GBK"));
        assertThat(Params.text("body", "text/csv", gbk)).isEqualTo(LINE);
        assertThat(Params.text("body", null, gbk)).isEqualTo(LINE);
    }

    @Test
    void utf8WithOrWithoutAByteOrderMarkAndANamedCharsetAreReadAsSent() {
        byte[] utf8 = LINE.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(Params.text("body", "text/csv", utf8)).isEqualTo(LINE);
        assertThat(Params.text("body", "text/csv", bom)).isEqualTo(LINE);
        assertThat(Params.text("body", "text/csv; charset=GBK", LINE.getBytes(Charset.forName("GBK")))).isEqualTo(LINE);
        assertThat(Params.text("body", "text/plain;charset=utf-8", utf8)).isEqualTo(LINE);
    }

    @Test
    void anUnknownCharsetIsABadRequest() {
        assertThatThrownBy(() -> Params.text("body", "text/csv; charset=klingon-8", new byte[] { 'a' }))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("body"));
    }
}
