package org.countygrid.customers.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.countygrid.customers.internal.CustomerRoles;
import org.junit.jupiter.api.Test;

/** The panel's script is where the whiteboard serves it from, and every module it imports ships too. */
class CustomersConsolePanelTest {

    private static final String SERVED_AT = "/console/panels/customers/";
    private static final String SHIPPED_IN = "console/customers/";
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z-]+\\.js)'");

    private final CustomersConsolePanel panel = new CustomersConsolePanel();

    @Test
    void isVisibleToEveryReaderOfTheRegister() {
        assertThat(panel.id()).isEqualTo("customers");
        assertThat(panel.roles()).isEqualTo(CustomerRoles.READ);
    }

    @Test
    void scriptAndItsImportsAreShippedWhereTheWhiteboardLooks() throws IOException {
        assertThat(panel.script()).startsWith(SERVED_AT);
        Deque<String> pending = new ArrayDeque<>(Set.of(panel.script().substring(SERVED_AT.length())));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String file = pending.pop();
            if (seen.add(file)) {
                Matcher imports = IMPORT.matcher(read(SHIPPED_IN + file));
                while (imports.find()) {
                    pending.push(imports.group(1));
                }
            }
        }
        assertThat(seen).contains("panel.js", "list.js", "detail.js", "form.js", "api.js", "dom.js", "messages.js",
                "stations.js", "areas.js", "entry-form.js");
        assertThat(read(SHIPPED_IN + "panel.js")).contains("export function render(el, ctx)");
        assertThat(read(SHIPPED_IN + "list.js")).contains("'customer-search'", "'customer-search-submit'", "account: a.number");
        assertThat(read(SHIPPED_IN + "detail.js")).contains("'account-detail'");
    }

    @Test
    void stationsAndAreasViewKeepsItsSelectorsAndIsReachableFromTheList() throws IOException {
        // the console kit's entry form (platform-web) names its inputs `${id}-${field}` and its button `${id}-submit`
        assertThat(read(SHIPPED_IN + "entry-form.js")).contains("from '/console/kit/entry-form.js'", "fieldMessage");
        assertThat(read(SHIPPED_IN + "stations.js")).contains("id: 'station-add'", "name: 'code'", "name: 'name'",
                "station: s.code", "'供电所与台区', 'Stations & areas'");
        assertThat(read(SHIPPED_IN + "areas.js")).contains("id: 'area-add'", "name: 'capacityKva', id: 'capacity'",
                "area: a.code");
        assertThat(read(SHIPPED_IN + "list.js")).contains("'customer-stations'", "nav.stations()");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CustomersConsolePanel.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
