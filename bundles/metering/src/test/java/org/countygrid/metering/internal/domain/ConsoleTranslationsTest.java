package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The console panel translates the work order rules' fixed English messages (console/metering/messages.js); a
 * message changed here without its translation would show up in English on a Chinese screen.
 */
class ConsoleTranslationsTest {

    @Test
    void theWorkOrderFormMessagesHaveTheirChinese() throws IOException {
        String messages;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console/metering/messages.js")) {
            assertThat(in).isNotNull();
            messages = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(messages).contains("'" + Texts.REQUIRED + "': '", "'must be exactly 10 digits': '",
                "must be at most (\\d+) characters", "does not exist in your office",
                "installed already; create a REPLACE order", "has no installed meter to", "refused: it is assigned to",
                "refused: it is SUSPENDED; resume it first", "is assigned to (.+), not to", "needs one of the roles",
                "under way; finish or cancel it first", "refused: it is not assigned to a worker yet");
    }
}
