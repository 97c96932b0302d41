package org.countygrid.platform.api;

/**
 * What makes a typed text unfit to store and show, whichever module takes it: control characters (a NUL is refused by
 * PostgreSQL, a line break splits the shell's tables, an escape sequence reaches the terminals that print it) and
 * broken characters (half of a surrogate pair, which PostgreSQL's UTF-8 cannot hold: its driver stores a '?'). The
 * messages are fixed English phrases the console translates. Lengths are the callers' and count UTF-16 units, as H2's
 * VARCHAR does: a name of 31 characters beyond the BMP (rare hanzi of Extension B) exceeds 60.
 */
public final class FreeText {

    public static final String CONTROL = "must not contain control characters";
    public static final String BROKEN = "must not contain broken characters (half of a surrogate pair)";

    private FreeText() {
    }

    /** Why {@code value} is unfit, or null when it is fine (null and empty are fine here: "required" is the caller's). */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isLayoutControl(c)) {
                return CONTROL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a whole pair: a character beyond the BMP, such as an emoji or a rare hanzi
            } else if (Character.isSurrogate(c)) {
                return BROKEN;
            }
        }
        return null;
    }

    /**
     * The line and paragraph separators (U+2028/9: a line break to the console and the log) and the bidirectional
     * controls (U+200E/F, U+202A–E, U+2066–9, U+061C), which reverse how the rest of a line reads: a name "测试\u202e乙"
     * was stored and shown as it was (probe). Other format characters stay: a zero-width joiner is part of an emoji.
     */
    static boolean isLayoutControl(char c) {
        return c == '\u2028' || c == '\u2029' || c == '\u200e' || c == '\u200f' || c == '\u061c'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
