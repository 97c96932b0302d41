package org.countygrid.platform.web.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The console kit the panels of every module import from /console/kit/ (served from console/shell/kit/): its
 * exports and the element ids the console tests of the modules select by.
 */
class ConsoleKitTest {

    @Test
    void theKitExportsWhatThePanelsImport() throws IOException {
        assertThat(read("dom.js")).contains("export function h(", "export function clear(", "export function problemOf(");
        assertThat(read("entry-form.js")).contains("export function entryForm(ctx, spec)", "from './dom.js'",
                "`${spec.id}-${field.id || field.name}`", "`${spec.id}-submit`", "`${spec.id}-problem`",
                "dataset: { errorFor: field.name }");
        assertThat(read("text.js")).contains("export function label(ctx, table, key)",
                "export function translate(message, exact, patterns)", "export function formatTime(ctx, iso)");
    }

    private String read(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console/shell/kit/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
