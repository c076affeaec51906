package com.replyguard.managerapi;

import com.replyguard.adapters.json.Instants;
import com.replyguard.time.ChinaTime;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of one CSV answer, declared once over the rows the JSON answer is made of (each
 * column reads a row record's value, so the CSV shows what the JSON says): the header in English
 * and in Chinese, and how a cell shows the value for Excel (docs/decisions/0010) - instants as
 * China-time {@code yyyy-MM-dd HH:mm:ss}, fractions rounded to {@value #DECIMALS} decimals, codes
 * by their Chinese name in {@code ?lang=zh}.
 */
final class Sheet<R> {
    /** How many decimals a fraction keeps in a cell (a whole number keeps one: {@code 1.0}). */
    static final int DECIMALS = 4;
    private static final DateTimeFormatter EXCEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ChinaTime.ZONE);

    /** How a cell shows one value. */
    interface Cell {
        String show(Object value, Lang lang);
    }

    /** One column: its English header (the API's field name), its Chinese header, its value in a row, its cell. */
    record Column<R>(String name, String chinese, Function<R, ?> value, Cell cell) {
    }

    /** A group of a report by {@code family} ({@code groupBy}); {@code qualified}: shown as {@code family:key}. */
    record GroupKey(String family, String key, boolean qualified) {
        String show(Lang lang) {
            if (lang == Lang.EN) {
                return qualified ? family + ":" + key : key;
            }
            String name = ChineseNames.groupKey(family, key);
            return qualified ? ChineseNames.GROUPINGS.getOrDefault(family, family) + ":" + name : name;
        }
    }

    static final Cell TEXT = (v, lang) -> String.valueOf(v);
    static final Cell NUMBER = (v, lang) -> v instanceof Double || v instanceof Float ? rounded(((Number) v).doubleValue())
            : String.valueOf(v);
    /** An instant, or the ISO-8601 text a JSON row holds, as a China-time date and time Excel reads. */
    static final Cell INSTANT = (v, lang) -> EXCEL_TIME.format(v instanceof Instant i ? i : Instants.parse(v.toString()));
    static final Cell GROUP = (v, lang) -> ((GroupKey) v).show(lang);

    /** The line of a report that adds up all channels, clocks or groups. */
    static final String ALL = "ALL";

    /** A code (a level, clock, channel, category ...): as it is, or in Chinese by its name there ({@code ALL}: 全部). */
    static Cell code(Map<String, String> chinese) {
        return (v, lang) -> lang == Lang.EN ? v.toString() : ALL.equals(v) ? "全部" : chinese.getOrDefault(v.toString(), v.toString());
    }

    private final List<Column<R>> columns;

    private Sheet(List<Column<R>> columns) {
        this.columns = List.copyOf(columns);
    }

    static <R> Builder<R> of(Class<R> rows) {
        return new Builder<>();
    }

    List<Column<R>> columns() {
        return columns;
    }

    List<String> header(Lang lang) {
        return columns.stream().map(c -> lang == Lang.ZH ? c.chinese() : c.name()).toList();
    }

    /** One row's cells; an absent value is an empty cell. */
    List<String> cells(R row, Lang lang) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column<R> c : columns) {
            Object v = c.value().apply(row);
            cells.add(v == null ? "" : c.cell().show(v, lang));
        }
        return cells;
    }

    private static String rounded(double value) {
        DecimalFormat f = new DecimalFormat("0.0" + "#".repeat(DECIMALS - 1), DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    static final class Builder<R> {
        private final List<Column<R>> columns = new ArrayList<>();

        Builder<R> text(String name, String chinese, Function<R, ?> value) {
            return add(name, chinese, value, TEXT);
        }

        Builder<R> number(String name, String chinese, Function<R, ?> value) {
            return add(name, chinese, value, NUMBER);
        }

        Builder<R> instant(String name, String chinese, Function<R, ?> value) {
            return add(name, chinese, value, INSTANT);
        }

        Builder<R> code(String name, String chinese, Function<R, ?> value, Map<String, String> names) {
            return add(name, chinese, value, Sheet.code(names));
        }

        Builder<R> add(String name, String chinese, Function<R, ?> value, Cell cell) {
            columns.add(new Column<>(name, chinese, value, cell));
            return this;
        }

        Sheet<R> build() {
            return new Sheet<>(columns);
        }
    }
}
