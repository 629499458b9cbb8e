package dev.shoal.api.system;

/**
 * Which characters no stored text may hold. PostgreSQL refuses NUL outright, and the other C0 controls (and DEL)
 * only make names and paths ambiguous; tab, line feed and carriage return are kept for free text (descriptions).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** True when the text holds a character no field accepts. */
    public static boolean forbidden(CharSequence text) {
        return firstForbidden(text, true) >= 0;
    }

    /** The index of the first character refused in a field of this kind, or -1. */
    public static int firstForbidden(CharSequence text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f;
            boolean whitespace = c == '\t' || c == '\n' || c == '\r';
            if (control && !(freeText && whitespace)) {
                return i;
            }
        }
        return -1;
    }

    /** Free text is a description; every other string (names, ids, types, hosts, passwords) is one line. */
    public static boolean isFreeText(String field) {
        return field.equals("description") || field.endsWith(".description");
    }
}
