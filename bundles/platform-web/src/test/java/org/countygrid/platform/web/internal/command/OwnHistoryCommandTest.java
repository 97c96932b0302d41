package org.countygrid.platform.web.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

class OwnHistoryCommandTest {

    private final Path data = Paths.get("/opt/countygrid/data");

    @Test
    void aLoginHasItsFileUnderDataHistory() {
        assertThat(OwnHistoryCommand.historyFile(data, "zhang.wei")).isEqualTo(data.resolve("history/zhang.wei.history"));
    }

    @Test
    void aNameThatIsNoPlainLoginCannotLeaveTheFolderOrMeetAnother() {
        Path odd = OwnHistoryCommand.historyFile(data, "../../etc/users");
        Path dotted = OwnHistoryCommand.historyFile(data, ".hidden");

        assertThat(odd.getParent()).isEqualTo(data.resolve("history"));
        assertThat(odd.getFileName().toString()).matches("user-[0-9a-f]{32}\\.history");
        assertThat(dotted.getParent()).isEqualTo(data.resolve("history"));
        assertThat(dotted).isNotEqualTo(odd);
    }
}
