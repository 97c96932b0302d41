package org.countygrid.metering.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.countygrid.metering.internal.MeteringRoles;
import org.junit.jupiter.api.Test;

/** The panel's script is where the whiteboard serves it from and keeps the selectors tests and users rely on. */
class MeteringConsolePanelTest {

    private final MeteringConsolePanel panel = new MeteringConsolePanel();

    @Test
    void isTheMeteringPanelForEveryReader() {
        assertThat(panel.id()).isEqualTo("metering");
        assertThat(panel.titleZh()).isEqualTo("计量");
        assertThat(panel.titleEn()).isEqualTo("Metering");
        assertThat(panel.roles()).isEqualTo(MeteringRoles.READ);
        assertThat(panel.script()).isEqualTo("/console/panels/metering/panel.js");
    }

    @Test
    void theScriptShipsWhereTheWhiteboardLooksWithItsStableIds() throws IOException {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console/metering/panel.js")) {
            assertThat(in).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(script).contains("export function render(el, ctx)", "id: 'metering-stock'", "'data-order': String(o.id)",
                "'/metering/meters/stock'", "'/metering/orders'", "ctx.t('表计库存', 'Meter stock')",
                "ctx.t('工单看板', 'Work order board')");
    }
}
