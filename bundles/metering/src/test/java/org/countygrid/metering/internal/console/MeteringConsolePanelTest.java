package org.countygrid.metering.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        String script = file("panel.js");
        assertThat(script).contains("export function render(el, ctx)", "id: 'metering-stock'", "'/metering/meters/stock'",
                "board.load(detailToo)", "ctx.t('表计库存', 'Meter stock')", "ctx.t('工单看板', 'Work order board')",
                "from './board.js'", "'./panel.css'");
        assertThat(file("board.js")).contains("id: 'metering-board'", "'data-order': String(o.id)", "id: 'order-new'",
                "'data-more': status", "h('datalist', { id: WORKERS_LIST })");
        assertThat(file("api.js")).contains("const ORDERS = '/metering/orders'", "`${ORDERS}/workers`", "'hand-over'", "'suspend'", "'resume'",
                "'cancel'");
        assertThat(file("panel.css")).contains(".cg-metering .cg-field-error");
    }

    /**
     * Every module the panel imports ships next to it, so the browser never asks the whiteboard for a missing one; the
     * console kit comes from platform-web (/console/kit/).
     */
    @Test
    void everyImportedModuleShips() throws IOException {
        for (String name : new String[] { "panel.js", "board.js", "order-form.js", "order-detail.js", "entry-form.js",
                "api.js", "messages.js", "dom.js" }) {
            Matcher imports = Pattern.compile("from '\\./([a-z-]+\\.js)'").matcher(file(name));
            while (imports.find()) {
                assertThat(getClass().getClassLoader().getResource("console/metering/" + imports.group(1)))
                        .as(name + " imports " + imports.group(1)).isNotNull();
            }
        }
    }

    private String file(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console/metering/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
