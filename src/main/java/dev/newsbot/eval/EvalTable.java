package dev.newsbot.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders evaluation reports as a plain-text table for the terminal: one row per labelled report (such as
 * "newsbot" and "baseline") with the main figures side by side, then a "by type" section with one row per question
 * type and label, then a legend of the column names. Shares are printed with three decimals, seconds with one,
 * milliseconds whole, and a figure that is null (an empty denominator, or not measured) as {@code -}. Lines end
 * with {@code \n}.
 */
public final class EvalTable {

    private static final List<Column> FIGURES = List.of(
            new Column("n", r -> String.valueOf(r.questions())),
            new Column("ans", r -> String.valueOf(r.answerable())),
            new Column("unans", r -> String.valueOf(r.unanswerable())),
            new Column("hit@1", r -> share(r.docHitsAt1())),
            new Column("hit@4", r -> share(r.docHitsAt4())),
            new Column("hit@10", r -> share(r.docHitsAt10())),
            new Column("mrr@10", r -> share(r.docMrrAt10())),
            new Column("rec@10", r -> share(r.docRecallAt10())),
            new Column("acc", r -> share(r.answerAccuracy())),
            new Column("cit_p", r -> share(r.citationPrecision())),
            new Column("cit_r", r -> share(r.citationRecall())),
            new Column("lead_p", r -> share(r.leadPrecision())),
            new Column("refuse", r -> share(r.refusalRate())),
            new Column("f_refuse", r -> share(r.falseRefusalRate())),
            new Column("index_s", r -> r.indexSeconds() == null ? "-" : format("%.1f", r.indexSeconds())),
            new Column("p50ms", r -> whole(r.latencyMsP50())),
            new Column("p99ms", r -> whole(r.latencyMsP99())));

    private static final String LEGEND = """
            n/ans/unans: questions, answerable, unanswerable   hit@k: a gold article in the top k
            mrr@10: reciprocal rank of the first gold article   rec@10: share of gold articles in the top 10
            acc: answer accuracy   cit_p/cit_r: citation precision/recall   lead_p: short leads that are right
            refuse: unanswerable questions refused
            f_refuse: answerable questions refused   index_s: index build seconds   p50ms/p99ms: latency percentiles
            -: no question to measure (or not measured)
            """;

    private static final List<Column> TYPE_FIGURES = FIGURES.stream()
            .filter(c -> !c.header().equals("index_s")).collect(Collectors.toList());

    private EvalTable() {
    }

    /**
     * The table for these reports, rows in the map's iteration order (pass a {@code LinkedHashMap} to choose it);
     * per-type rows by type name, then in the same label order.
     */
    public static String render(Map<String, EvalReport> rows) {
        Objects.requireNonNull(rows, "rows must not be null");
        List<List<String>> main = new ArrayList<>();
        main.add(headers(List.of("label"), FIGURES));
        rows.forEach((label, report) -> main.add(cells(List.of(label), report, FIGURES)));
        return layout(main, 1) + "\nby type\n" + layout(typeRows(rows), 2) + "\n" + LEGEND;
    }

    private static List<List<String>> typeRows(Map<String, EvalReport> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(headers(List.of("type", "label"), TYPE_FIGURES));
        TreeSet<String> types = rows.values().stream().filter(r -> r.byType() != null)
                .flatMap(r -> r.byType().keySet().stream()).collect(Collectors.toCollection(TreeSet::new));
        for (String type : types) {
            rows.forEach((label, report) -> typeReport(report, type)
                    .ifPresent(r -> table.add(cells(List.of(type, label), r, TYPE_FIGURES))));
        }
        return table;
    }

    private static Optional<EvalReport> typeReport(EvalReport report, String type) {
        return Optional.ofNullable(report.byType()).map(m -> m.get(type));
    }

    private static List<String> headers(List<String> labels, List<Column> columns) {
        List<String> headers = new ArrayList<>(labels);
        columns.forEach(c -> headers.add(c.header()));
        return headers;
    }

    private static List<String> cells(List<String> labels, EvalReport report, List<Column> columns) {
        List<String> cells = new ArrayList<>(labels);
        columns.forEach(c -> cells.add(c.value().apply(report)));
        return cells;
    }

    /** Pads every column to its widest cell: the first {@code textColumns} to the left, the rest to the right. */
    private static String layout(List<List<String>> table, int textColumns) {
        int[] widths = new int[table.get(0).size()];
        table.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : table) {
            List<String> padded = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                padded.add(pad(row.get(i), widths[i], i < textColumns));
            }
            out.append(String.join("  ", padded).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String cell, int width, boolean left) {
        String space = " ".repeat(width - cell.length());
        return left ? cell + space : space + cell;
    }

    private static String share(Double value) {
        return value == null ? "-" : format("%.3f", value);
    }

    private static String whole(Long value) {
        return value == null ? "-" : String.valueOf(value);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private record Column(String header, Function<EvalReport, String> value) {
    }
}
