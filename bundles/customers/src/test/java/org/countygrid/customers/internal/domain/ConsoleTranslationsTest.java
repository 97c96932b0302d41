package org.countygrid.customers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The console panel translates the rules' fixed English messages by exact text (console/customers/messages.js);
 * a message changed here without its translation would show up in English on a Chinese screen.
 */
class ConsoleTranslationsTest {

    @Test
    void theStationAndAreaMessagesHaveTheirChinese() throws IOException {
        String messages;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console/customers/messages.js")) {
            assertThat(in).isNotNull();
            messages = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String english : new String[] { Station.BAD_NEW_CODE, TransformerArea.BAD_NEW_CODE, Station.TAKEN,
                Texts.REQUIRED }) {
            String key = english.contains("'") ? "\"" + english + "\"" : "'" + english + "'";
            assertThat(messages).as(english).contains(key + ": '");
        }
    }
}
