package org.countygrid.metering.internal.form;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * The font the form is written in: the first file of the configured list that exists and has Chinese glyphs
 * (TrueType .ttf or a .ttc collection; a subset is embedded, so the PDF reads the same everywhere). Without one,
 * the form falls back to Helvetica and shows Chinese characters as '?' — the node logs that at start.
 */
public final class FormFonts {

    /** Where Debian/Ubuntu (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming) and Windows keep one. */
    public static final String DEFAULT_FILES = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,"
            + "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,/usr/share/fonts/truetype/arphic/uming.ttc,"
            + "C:/Windows/Fonts/simsun.ttc,C:/Windows/Fonts/msyh.ttc";

    private static final int PROBE = '电';

    private final File file;

    private FormFonts(File file) {
        this.file = file;
    }

    /** The first usable file of the comma-separated list. */
    public static FormFonts find(String files) {
        for (String path : split(files)) {
            File f = new File(path);
            if (f.isFile() && f.canRead() && hasChinese(f)) {
                return new FormFonts(f);
            }
        }
        return new FormFonts(null);
    }

    /** Whether any of the listed files exists (cheap: it does not open them). */
    public static boolean anyExists(String files) {
        return split(files).stream().anyMatch(p -> new File(p).isFile());
    }

    public Optional<File> file() {
        return Optional.ofNullable(file);
    }

    /** A font loaded into one document, and what must stay open until that document is saved. */
    record Loaded(PDFont font, boolean chinese, Closeable source) implements Closeable {
        @Override
        public void close() throws IOException {
            if (source != null) {
                source.close();
            }
        }
    }

    /** The font for one document: loaded into it, so each rendering has its own. */
    Loaded load(PDDocument document) throws IOException {
        if (file == null) {
            return new Loaded(PDType1Font.HELVETICA, false, null);
        }
        if (!isCollection(file)) {
            return new Loaded(PDType0Font.load(document, file), true, null);
        }
        TrueTypeCollection collection = new TrueTypeCollection(file);
        try {
            TrueTypeFont[] chosen = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (chosen[0] == null && font.getUnicodeCmapLookup(false).getGlyphId(PROBE) > 0) {
                    chosen[0] = font;
                }
            });
            if (chosen[0] == null) {
                throw new IOException(file + " has no font with Chinese glyphs");
            }
            // the collection stays open until the document is saved: the subset is read from it then
            return new Loaded(PDType0Font.load(document, chosen[0], true), true, collection);
        } catch (IOException | RuntimeException e) {
            collection.close();
            throw e;
        }
    }

    private static boolean hasChinese(File f) {
        try {
            if (isCollection(f)) {
                boolean[] found = new boolean[1];
                try (TrueTypeCollection collection = new TrueTypeCollection(f)) {
                    collection.processAllFonts(font -> found[0] |= font.getUnicodeCmapLookup(false).getGlyphId(PROBE) > 0);
                }
                return found[0];
            }
            try (TrueTypeFont font = new TTFParser().parse(f)) {
                return font.getUnicodeCmapLookup(false).getGlyphId(PROBE) > 0;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isCollection(File f) {
        return f.getName().toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    private static List<String> split(String files) {
        List<String> paths = new ArrayList<>();
        if (files != null) {
            for (String p : files.split(",")) {
                if (!p.isBlank()) {
                    paths.add(p.strip());
                }
            }
        }
        return paths;
    }
}
