package org.countygrid.platform.api.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextTableTest {

    private static String printed(TextTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void chineseTextTakesTwoCellsSoTheColumnsLineUp() {
        TextTable table = new TextTable();
        table.column("Number");
        table.column("Name");
        table.column("kWh").alignRight();
        table.addRow().addContent("3201000001", "王秀英", 12);
        table.addRow().addContent("3201000002", "Li Lei", 1234);
        table.addRow().addContent("3201000003", "欧阳娜娜Ａ", null);

        assertThat(printed(table)).isEqualTo(String.join("\n",
                "Number     | Name       |  kWh",
                "-----------+------------+-----",
                "3201000001 | 王秀英     |   12",
                "3201000002 | Li Lei     | 1234",
                "3201000003 | 欧阳娜娜Ａ |",
                ""));
    }

    @Test
    void longContentIsCutOnACharacterOrWrappedOnMoreLines() {
        TextTable table = new TextTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(9);
        table.addRow().addContent("Address", "城关镇东门路12号");
        assertThat(printed(table)).isEqualTo("Address | 城关镇东…\n");

        TextTable wrapped = new TextTable().noHeaders();
        wrapped.column("Field");
        wrapped.column("Value").maxSize(9).wrap();
        wrapped.addRow().addContent("Address", "城关镇东门路12号");
        wrapped.addRow().addContent("Phone", "13700137000");
        assertThat(printed(wrapped)).isEqualTo(String.join("\n",
                "Address | 城关镇东",
                "        | 门路12号",
                "Phone   | 137001370",
                "        | 00",
                ""));
    }

    @Test
    void anEmptyTableSaysSoUnderItsHeaders() {
        TextTable table = new TextTable().emptyTableText("no routes");
        table.column("Id");
        table.column("State");
        assertThat(printed(table)).isEqualTo("Id | State\n---+------\nno routes\n");
    }

    @Test
    void widthsFollowTheTerminal() {
        assertThat(TextTable.width("abc")).isEqualTo(3);
        assertThat(TextTable.width("供电所")).isEqualTo(6);
        assertThat(TextTable.width("，。")).as("CJK punctuation").isEqualTo(4);
        assertThat(TextTable.width("𠀋")).as("outside the BMP").isEqualTo(2);
        assertThat(TextTable.width("e\u0301")).as("a combining accent").isEqualTo(1);
        assertThat(TextTable.cut("王秀英", 3)).isEqualTo("王");
    }
}
