package com.replyguard.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A table of customer messages with the label a person gave each (test resources under text/, one
 * tab-separated row per message: text, label, group, note; {@code #} starts a comment line). Groups:
 * {@code core} rows must be read exactly right; {@code table} rows count in the precision and recall;
 * {@code fresh} rows count too and were written after the rules were tuned on the others, to show
 * whether the rules carry over to messages they were not fitted to (their accuracy is reported apart).
 */
record LabelledMessages(String name, List<Row> rows) {

    record Row(int line, String text, String label, String group, String note) {
        boolean core() {
            return group.equals("core");
        }

        boolean fresh() {
            return group.equals("fresh");
        }
    }

    static LabelledMessages load(String resource) {
        InputStream in = LabelledMessages.class.getResourceAsStream("/text/" + resource);
        Objects.requireNonNull(in, "missing test table text/" + resource);
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int line = 0;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split("\t", -1);
                if (f.length != 4 || !List.of("core", "table", "fresh").contains(f[2])) {
                    throw new IllegalStateException(resource + ":" + line + ": want text, label, core|table|fresh, note: " + s);
                }
                rows.add(new Row(line, f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledMessages(resource, List.copyOf(rows));
    }

    /** Reads every row with {@code reader} and counts expected against found labels. */
    Confusion measure(Function<String, String> reader) {
        Confusion c = new Confusion();
        for (Row row : rows) {
            c.add(row, reader.apply(row.text()));
        }
        return c;
    }

    /** Expected-versus-found counts over a table, with the rows read wrongly. */
    static final class Confusion {
        private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
        private final List<String> wrong = new ArrayList<>();
        private final List<String> coreWrong = new ArrayList<>();
        private int total;
        private int right;
        private int fresh;
        private int freshRight;

        void add(Row row, String found) {
            counts.computeIfAbsent(row.label(), k -> new TreeMap<>()).merge(found, 1, Integer::sum);
            total++;
            fresh += row.fresh() ? 1 : 0;
            if (row.label().equals(found)) {
                right++;
                freshRight += row.fresh() ? 1 : 0;
                return;
            }
            String line = "line " + row.line() + " [" + row.group() + "] " + row.text() + ": expected " + row.label()
                    + ", found " + found + " (" + row.note() + ")";
            wrong.add(line);
            if (row.core()) {
                coreWrong.add(line);
            }
        }

        TreeSet<String> labels() {
            TreeSet<String> all = new TreeSet<>(counts.keySet());
            counts.values().forEach(m -> all.addAll(m.keySet()));
            return all;
        }

        int expected(String label) {
            return counts.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        int found(String label) {
            return counts.values().stream().mapToInt(m -> m.getOrDefault(label, 0)).sum();
        }

        int correct(String label) {
            return counts.getOrDefault(label, Map.of()).getOrDefault(label, 0);
        }

        /** Of the messages read as {@code label}, the share that carry it; 1 when none is read so (nothing claimed wrongly). */
        double precision(String label) {
            int f = found(label);
            return f == 0 ? 1.0 : (double) correct(label) / f;
        }

        /** Of the messages that carry {@code label}, the share read so. */
        double recall(String label) {
            int e = expected(label);
            return e == 0 ? 1.0 : (double) correct(label) / e;
        }

        double accuracy() {
            return total == 0 ? 0 : (double) right / total;
        }

        int total() {
            return total;
        }

        /** Accuracy over the fresh rows alone (0 when there are none). */
        double freshAccuracy() {
            return fresh == 0 ? 0 : (double) freshRight / fresh;
        }

        List<String> wrong() {
            return wrong;
        }

        List<String> coreWrong() {
            return coreWrong;
        }

        /** A report for the test output: per label precision and recall, accuracy, and every wrong row. */
        String report(String title) {
            StringBuilder b = new StringBuilder();
            b.append(title).append(": ").append(total).append(" messages, accuracy ")
                    .append(String.format("%.3f (%d/%d)", accuracy(), right, total))
                    .append(fresh == 0 ? String.format("; no fresh rows%n")
                            : String.format("; fresh rows alone %.3f (%d/%d)%n", freshAccuracy(), freshRight, fresh));
            b.append(String.format("  %-38s %9s %9s %9s%n", "label", "expected", "precision", "recall"));
            for (String label : labels()) {
                b.append(String.format("  %-38s %9d %9s %9s%n", label, expected(label),
                        String.format("%.3f", precision(label)) + (found(label) == 0 ? "*" : ""),
                        String.format("%.3f", recall(label))));
            }
            if (labels().stream().anyMatch(l -> found(l) == 0)) {
                b.append("  (* never predicted: precision 1 by convention)\n");
            }
            b.append("  wrong: ").append(wrong.size()).append('\n');
            wrong.forEach(w -> b.append("    ").append(w).append('\n'));
            return b.toString();
        }
    }
}
