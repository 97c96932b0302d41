package org.countygrid.metering.internal.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.Phase;
import org.countygrid.platform.api.FieldErrors;

/**
 * A delivery batch (到货批次) as CSV text: {@code barcode,assetNumber,commAddress,phase,feeControl,manufacturer,
 * accuracyClass}, a cell optionally in double quotes as spreadsheets write it (RFC 4180: a quote inside one is
 * doubled; a comma inside one is text — and then refused by the column's own rule). Every line is checked — format, duplicates inside the file and against the office's stock —
 * before anything is stored; errors name {@code line <n>.<column>} (line numbers as in the file).
 */
public final class DeliveryBatch {

    static final int COLUMNS = 7;
    static final String DUPLICATE_IN_FILE = "appears twice in the file";
    static final String TAKEN = "is already in this office's stock";
    static final String UNCLOSED_QUOTE = "has a quoted cell without its closing quote";
    static final String TEXT_AFTER_QUOTE = "has text after the closing quote of a quoted cell";
    /** The columns in file order, as errors name them. */
    static final List<String> COLUMN_NAMES = List.of("barcode", "assetNumber", "commAddress", "phase", "feeControl",
            "manufacturer", "accuracyClass");

    private DeliveryBatch() {
    }

    /** What the batch's meters must not clash with: the office's stored meters. */
    public interface Stock {
        boolean barcodeExists(String barcode);

        boolean assetNumberExists(String assetNumber);

        boolean commAddressExists(String commAddress);
    }

    /** One meter registered by hand: its barcode, asset number and address must be free in the office. */
    public static void requireFree(NewMeter meter, Stock stock) {
        FieldErrors errors = new FieldErrors();
        unique(errors, "barcode", meter.barcode(), new HashSet<>(), stock::barcodeExists);
        unique(errors, "assetNumber", meter.assetNumber(), new HashSet<>(), stock::assetNumberExists);
        unique(errors, "commAddress", meter.commAddress(), new HashSet<>(), stock::commAddressExists);
        errors.throwIfAny();
    }

    public static List<NewMeter> parse(String csv, int maxLines, Stock stock) {
        FieldErrors errors = new FieldErrors();
        if (csv == null || csv.isBlank()) {
            errors.add("body", "must hold at least one meter line");
            errors.throwIfAny();
        }
        // lines end in CR LF, LF or CR only: \R would also split on U+0085, U+2028/9, VT and FF inside a cell
        String[] lines = csv.split("\r\n|\r|\n");
        long meterLines = java.util.stream.IntStream.range(0, lines.length).filter(i -> !lines[i].isBlank()
                && !(i == 0 && isHeader(lines[i]))).count();
        if (meterLines > maxLines) {
            // before any line is looked up in the stock: an oversized file costs no queries
            errors.add("body", "must hold at most " + maxLines + " meters");
            errors.throwIfAny();
        }
        List<NewMeter> meters = new ArrayList<>();
        Set<String> barcodes = new HashSet<>();
        Set<String> assets = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && isHeader(line))) {
                continue;
            }
            FieldErrors lineErrors = errors.nested("line " + (i + 1));
            Cells read = cells(line);
            if (read.problem() != null) {
                lineErrors.add(read.column() < COLUMN_NAMES.size() ? COLUMN_NAMES.get(read.column()) : "columns", read.problem());
                continue;
            }
            String[] cells = read.values().toArray(String[]::new);
            if (cells.length != COLUMNS) {
                lineErrors.add("columns", "must have " + COLUMNS + " comma-separated columns, has " + cells.length);
                continue;
            }
            NewMeter checked = MeterIdentity.check(lineErrors, new NewMeter(cells[0], cells[1], cells[2],
                    choice(lineErrors, "phase", Phase.class, cells[3]), choice(lineErrors, "feeControl", FeeControl.class, cells[4]),
                    cells[5], cells[6]), false);
            unique(lineErrors, "barcode", checked.barcode(), barcodes, stock::barcodeExists);
            unique(lineErrors, "assetNumber", checked.assetNumber(), assets, stock::assetNumberExists);
            unique(lineErrors, "commAddress", checked.commAddress(), addresses, stock::commAddressExists);
            meters.add(checked);
        }
        if (meters.isEmpty() && errors.isEmpty()) {
            errors.add("body", "must hold at least one meter line");
        }
        errors.throwIfAny();
        return meters;
    }

    /** The first line names the columns (barcode first), quoted or not. */
    private static boolean isHeader(String line) {
        String first = line.strip();
        return (first.startsWith("\"") ? first.substring(1) : first).toLowerCase(Locale.ROOT).startsWith("barcode");
    }

    /** A line's cells, quoted ones unquoted; or the column (from 0) of a quoted cell that is malformed, and why. */
    record Cells(List<String> values, int column, String problem) {
    }

    static Cells cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            int start = i;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++; // blanks before an opening quote, as some spreadsheets write "a", "b"
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return new Cells(cells, cells.size(), UNCLOSED_QUOTE);
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        cell.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        cell.append('"'); // a quote inside a quoted cell is doubled
                        i++;
                    } else {
                        break;
                    }
                }
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    return new Cells(cells, cells.size(), TEXT_AFTER_QUOTE); // "33"0001: not one value (RFC 4180)
                }
            } else {
                i = start;
                while (i < line.length() && line.charAt(i) != ',') {
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (i >= line.length()) {
                return new Cells(cells, -1, null);
            }
            i++; // the comma
        }
    }

    private static void unique(FieldErrors errors, String field, String value, Set<String> seen, Predicate<String> stored) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!seen.add(value)) {
            errors.add(field, DUPLICATE_IN_FILE);
        } else if (stored.test(value)) {
            errors.add(field, TAKEN);
        }
    }

    private static <E extends Enum<E>> E choice(FieldErrors errors, String field, Class<E> type, String value) {
        String clean = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(clean)) {
                return constant;
            }
        }
        errors.add(field, clean.isEmpty() ? Texts.REQUIRED : "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }
}
