package org.countygrid.platform.cluster.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.List;

import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.cluster.NodeInfo;
import org.countygrid.platform.testing.ShellSession;
import org.junit.jupiter.api.Test;

class NodeListCommandTest {

    record Identity(OfficeCode office, String officeName, String nodeName, String version) implements NodeIdentity {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private NodeListCommand command() {
        NodeListCommand command = new NodeListCommand();
        Instant at = Instant.parse("2026-11-26T08:00:00Z");
        command.registry = () -> List.of(
                new NodeInfo("qs-node-1", "QS", "青山县供电公司", "0.1.0", "127.0.0.1:5701", List.of("countygrid-customers"), at, at),
                new NodeInfo("qs-node-2", "QS", "青山县供电公司", "0.1.0", "127.0.0.1:5702", List.of(), at, at));
        command.identity = new Identity(OfficeCode.of("QS"), "青山县供电公司", "qs-node-2", "0.1.0");
        return command;
    }

    /** Runs the command as Karaf does for a logged-in user with {@code role} of office QS; keeps what it printed. */
    private void as(String role, PrivilegedExceptionAction<?> command) throws Exception {
        ShellSession.Output printed = new ShellSession("han.mei", role, "office.QS").run(command);
        out.writeBytes(printed.out().getBytes(StandardCharsets.UTF_8));
        err.writeBytes(printed.err().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listsNodesAndMarksThisOne() throws Exception {
        NodeListCommand command = command();
        as("auditor", command::execute);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("qs-node-1", "QS 青山县供电公司", "127.0.0.1:5701", "countygrid-customers")
                .doesNotContain("*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("qs-node-2").startsWith("*"));
    }

    @Test
    void refusesACallerWithoutRole() throws Exception {
        NodeListCommand command = command();
        as("operator", command::execute);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: ").contains("needs one of the roles admin, auditor");
    }
}
