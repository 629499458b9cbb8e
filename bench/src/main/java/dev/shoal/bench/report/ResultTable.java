package dev.shoal.bench.report;

import dev.shoal.bench.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's table, fixed width, one measurement a line, as printed and kept in bench/README.md. */
public final class ResultTable {

    private static final String HEADER = "| figure | value | floor (same run) | floor value | ratio | goal | met |";
    private static final String RULE = "|---|--:|---|--:|--:|---|---|";

    private ResultTable() {
    }

    /** A Markdown table whose columns line up in a terminal too. */
    public static String format(List<Measurement> measurements) {
        List<String[]> rows = new ArrayList<>();
        rows.add(cells(HEADER));
        rows.add(cells(RULE));
        for (Measurement m : measurements) {
            rows.add(new String[] {m.figure(), number(m.value()) + (m.unit().isEmpty() ? "" : " " + m.unit()),
                    m.floor() == null ? "" : m.floor(),
                    m.floor() == null ? "" : number(m.floorValue()) + (m.unit().isEmpty() ? "" : " " + m.unit()),
                    Double.isNaN(m.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", m.ratio()),
                    m.goal() == null ? "" : m.goal(),
                    m.met() == null ? "" : m.met() ? "yes" : "NO"});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append('|');
            for (int i = 0; i < row.length; i++) {
                boolean rule = row[i].startsWith("---") || row[i].startsWith("--:");
                table.append(' ').append(rule ? rule(row[i], widths[i]) : pad(row[i], widths[i])).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** Three significant figures at most, no exponent: 1234, 56.7, 0.123. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f", value);
    }

    private static String[] cells(String line) {
        String[] parts = line.substring(1, line.length() - 1).split("\\|");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }

    private static String rule(String cell, int width) {
        return cell.endsWith(":") ? "-".repeat(width - 1) + ":" : "-".repeat(width);
    }
}
