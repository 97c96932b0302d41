package org.countygrid.metering.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.countygrid.metering.internal.MeteringRoles;
import org.countygrid.platform.api.security.RequiresRole;
import org.junit.jupiter.api.Test;

/** Every REST method declares exactly the roles its service enforces: mobile calls field, back office, readers. */
class RolesDeclaredTest {

    @Test
    void everyResourceMethodDeclaresTheServiceRoles() {
        Map<String, Set<String>> declared = Stream.of(MeterResource.class, WorkOrderResource.class, ReadingResource.class,
                TopologyResource.class, ConsumptionResource.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .collect(Collectors.toMap(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName(),
                        RolesDeclaredTest::roles, (a, b) -> a, TreeMap::new));

        assertThat(declared).containsOnly(
                entry("MeterResource.list", MeteringRoles.READ),
                entry("MeterResource.stock", MeteringRoles.READ),
                entry("MeterResource.meter", MeteringRoles.READ),
                entry("MeterResource.history", MeteringRoles.READ),
                entry("MeterResource.register", MeteringRoles.STOCK),
                entry("MeterResource.delivery", MeteringRoles.STOCK),
                entry("MeterResource.verify", MeteringRoles.STOCK),
                entry("MeterResource.preIssue", MeteringRoles.STOCK),
                entry("MeterResource.transfer", MeteringRoles.STOCK),
                entry("MeterResource.scrap", MeteringRoles.STOCK),
                entry("MeterResource.returnToStock", MeteringRoles.STOCK),
                entry("MeterResource.receive", MeteringRoles.FIELD),
                entry("WorkOrderResource.list", MeteringRoles.READ),
                entry("WorkOrderResource.order", MeteringRoles.READ),
                entry("WorkOrderResource.mine", MeteringRoles.FIELD),
                entry("WorkOrderResource.scan", MeteringRoles.FIELD),
                entry("WorkOrderResource.finalReadings", MeteringRoles.FIELD),
                entry("WorkOrderResource.complete", MeteringRoles.FIELD),
                entry("WorkOrderResource.infraredReading", MeteringRoles.FIELD),
                entry("WorkOrderResource.photo", MeteringRoles.FIELD),
                entry("WorkOrderResource.signature", MeteringRoles.FIELD),
                entry("WorkOrderResource.file", MeteringRoles.READ),
                entry("WorkOrderResource.form", MeteringRoles.READ),
                entry("WorkOrderResource.create", MeteringRoles.DISPATCH),
                entry("WorkOrderResource.cancel", MeteringRoles.DISPATCH),
                entry("WorkOrderResource.suspend", MeteringRoles.ORDER_FLOW),
                entry("WorkOrderResource.resume", MeteringRoles.ORDER_FLOW),
                entry("WorkOrderResource.handOver", MeteringRoles.ORDER_FLOW),
                entry("WorkOrderResource.workers", MeteringRoles.ORDER_FLOW),
                entry("TopologyResource.terminals", MeteringRoles.READ),
                entry("TopologyResource.terminal", MeteringRoles.READ),
                entry("TopologyResource.terminalHistory", MeteringRoles.READ),
                entry("TopologyResource.area", MeteringRoles.READ),
                entry("TopologyResource.check", MeteringRoles.READ),
                entry("TopologyResource.registerTerminal", MeteringRoles.STOCK),
                entry("TopologyResource.transferTerminal", MeteringRoles.STOCK),
                entry("TopologyResource.verifyTerminal", MeteringRoles.STOCK),
                entry("TopologyResource.preIssueTerminal", MeteringRoles.STOCK),
                entry("TopologyResource.scrapTerminal", MeteringRoles.STOCK),
                entry("TopologyResource.returnTerminal", MeteringRoles.STOCK),
                entry("TopologyResource.apply", MeteringRoles.STOCK),
                entry("TopologyResource.archive", MeteringRoles.INGEST),
                entry("TopologyResource.receiveTerminal", MeteringRoles.FIELD),
                entry("TopologyResource.installTerminal", MeteringRoles.FIELD),
                entry("TopologyResource.removeTerminal", MeteringRoles.FIELD),
                entry("ConsumptionResource.daily", MeteringRoles.READ),
                entry("ReadingResource.ingest", MeteringRoles.INGEST),
                entry("ReadingResource.list", MeteringRoles.READ));
    }

    @Test
    void auditorsReadEverythingAndChangeNothing() {
        assertThat(MeteringRoles.READ).contains("auditor");
        for (Set<String> writers : java.util.List.of(MeteringRoles.STOCK, MeteringRoles.FIELD, MeteringRoles.DISPATCH,
                MeteringRoles.ORDER_FLOW, MeteringRoles.INGEST)) {
            assertThat(writers).doesNotContain("auditor");
        }
    }

    private static Set<String> roles(Method method) {
        RequiresRole roles = method.getAnnotation(RequiresRole.class);
        return roles == null ? Set.of() : Set.of(roles.value());
    }
}
