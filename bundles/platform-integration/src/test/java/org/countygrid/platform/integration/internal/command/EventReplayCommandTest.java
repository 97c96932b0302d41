package org.countygrid.platform.integration.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The replay's time is read as China time, and a time it cannot read is said in the shell's words. */
class EventReplayCommandTest {

    @Test
    void sinceIsChinaTime() throws Exception {
        assertThat(EventReplayCommand.parse("2026-11-27 09:00")).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
        assertThat(EventReplayCommand.parse(" 2026-11-27 09:00 ")).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
    }

    @Test
    void anUnreadableTimeSaysHowToWriteIt() {
        for (String bad : new String[] { "yesterday", "2026-11-27", "2026-11-27T09:00", "2026-02-30 09:00", "", null }) {
            assertThatThrownBy(() -> EventReplayCommand.parse(bad)).as(String.valueOf(bad))
                    .hasMessageContaining("--since: give a time like \"2026-11-27 09:00\" (China time)");
        }
    }
}
