package org.countygrid.platform.cluster.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.cluster.NodeInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeListCommandTest {

    record Identity(OfficeCode office, String officeName, String nodeName, String version) implements NodeIdentity {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private NodeListCommand command() {
        NodeListCommand command = new NodeListCommand();
        Instant at = Instant.parse("2026-11-26T08:00:00Z");
        command.registry = () -> List.of(
                new NodeInfo("qs-node-1", "QS", "青山县供电公司", "0.1.0", "127.0.0.1:5701", List.of("countygrid-customers"), at, at),
                new NodeInfo("qs-node-2", "QS", "青山县供电公司", "0.1.0", "127.0.0.1:5702", List.of(), at, at));
        command.identity = new Identity(OfficeCode.of("QS"), "青山县供电公司", "qs-node-2", "0.1.0");
        return command;
    }

    @SuppressWarnings("removal")
    private static void as(String role, Runnable action) {
        Subject subject = new Subject(true, Set.of(new UserPrincipal("han.mei"), new RolePrincipal(role), new RolePrincipal("office.QS")),
                Set.of(), Set.of());
        Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
            action.run();
            return null;
        });
    }

    @Test
    void listsNodesAndMarksThisOne() {
        NodeListCommand command = command();
        as("auditor", command::execute);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("qs-node-1", "QS 青山县供电公司", "127.0.0.1:5701", "countygrid-customers")
                .doesNotContain("*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("qs-node-2").startsWith("*"));
    }

    @Test
    void refusesACallerWithoutRole() {
        NodeListCommand command = command();
        as("operator", command::execute);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs one of the roles admin, auditor");
    }
}
