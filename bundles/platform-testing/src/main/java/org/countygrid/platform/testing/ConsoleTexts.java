package org.countygrid.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;

/**
 * Runs a console panel's message module (an ES module such as {@code console/customers/messages.js}) under Node.js,
 * as the browser would, on the problems the server really sends: a test builds them with the module's real code and
 * checks what staff read in each language. The console kit ({@code /console/kit/*.js}, platform-web's
 * {@code console/shell/kit/}) is read from the test class path, so a module's test needs platform-web in test
 * scope. Node.js is required ({@code node} on the PATH, or {@code -Dcountygrid.test.node=/path/to/node}).
 */
public final class ConsoleTexts {

    private static final String KIT_URL = "/console/kit/";
    private static final String KIT_RESOURCES = "console/shell/kit/";
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final List<String> KIT_FILES = List.of("text.js", "dom.js", "entry-form.js");

    private final Path work;
    private final String moduleFile;

    private ConsoleTexts(Path work, String moduleFile) {
        this.work = work;
        this.moduleFile = moduleFile;
    }

    /** The module at {@code resource} (class path), with its imports of the kit pointed at a copy next to it. */
    public static ConsoleTexts of(String resource, Path workDir) throws IOException {
        Path kit = Files.createDirectories(workDir.resolve("kit"));
        for (String name : KIT_FILES) {
            Files.writeString(kit.resolve(name), read(KIT_RESOURCES + name).replace(KIT_URL, "./"));
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Files.writeString(workDir.resolve(name), read(resource).replace(KIT_URL, "./kit/"));
        return new ConsoleTexts(workDir, name);
    }

    /**
     * What {@code function(ctx, problem)} (or {@code function(problem)}) of the module answers for each problem, in
     * {@code lang} (zh or en), as text.
     */
    public List<String> call(String function, String lang, List<String> problemsJson) throws IOException, InterruptedException {
        Path script = work.resolve("run.mjs");
        Files.writeString(script, String.join("\n",
                "import * as m from './" + moduleFile + "';",
                "const lang = process.argv[2], fn = m[process.argv[3]];",
                "if (typeof fn !== 'function') { console.error('no export ' + process.argv[3]); process.exit(2); }",
                "let input = '';",
                "process.stdin.on('data', (d) => { input += d; });",
                "process.stdin.on('end', () => {",
                "  const ctx = { lang, t: (zh, en) => (lang === 'en' ? en : zh) };",
                "  for (const p of JSON.parse(input)) console.log(JSON.stringify(String(fn.length === 1 ? fn(p) : fn(ctx, p))));",
                "});", ""));
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("countygrid.test.node", "node"), script.toString(),
                lang, function).directory(work.toFile()).redirectErrorStream(true);
        // a browser anywhere but China: the console must not depend on the zone of the PC it runs on
        builder.environment().put("TZ", "UTC");
        Process node = builder.start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(("[" + String.join(",", problemsJson) + "]").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("node failed on " + moduleFile + ":\n" + out);
        }
        return out.lines().map(ConsoleTexts::unquote).toList();
    }

    /**
     * Fails unless each text reads as what staff should see: in Chinese ({@code zh}) a sentence with Chinese in it
     * that is not the English detail, in English ({@code en}) the detail itself at the end, with no Chinese.
     */
    public static void requireTranslated(List<String> details, List<String> zh, List<String> en) {
        if (zh.size() != details.size() || en.size() != details.size()) {
            throw new AssertionError("expected " + details.size() + " texts, got " + zh.size() + " zh and " + en.size() + " en");
        }
        for (int i = 0; i < details.size(); i++) {
            String detail = details.get(i);
            if (!CHINESE.matcher(zh.get(i)).find() || zh.get(i).contains(detail)) {
                throw new AssertionError("not translated: \"" + detail + "\" reads in Chinese as \"" + zh.get(i) + "\"");
            }
            if (!en.get(i).endsWith(detail) || CHINESE.matcher(en.get(i)).find()) {
                throw new AssertionError("\"" + detail + "\" reads in English as \"" + en.get(i) + "\"");
            }
        }
    }

    /** The problem+json body platform-web makes of a {@link Problem} (ProblemMapping: type, title, status, detail, errors). */
    public static String json(Problem problem) {
        String errors = problem instanceof ValidationException invalid
                ? ",\"errors\":[" + invalid.errors().stream()
                        .map(e -> "{\"field\":" + quote(e.field()) + ",\"message\":" + quote(e.message()) + "}")
                        .collect(Collectors.joining(",")) + "]"
                : "";
        String type = problem.type() != null ? problem.type() : "about:blank";
        return "{\"type\":" + quote(type) + ",\"title\":" + quote(problem.title()) + ",\"status\":" + problem.status()
                + ",\"detail\":" + quote(problem.getMessage()) + errors + "}";
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ConsoleTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The one JSON string node printed per line. */
    static String unquote(String line) {
        if (!line.startsWith("\"") || !line.endsWith("\"")) {
            throw new IllegalStateException("not a JSON string from node: " + line);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
