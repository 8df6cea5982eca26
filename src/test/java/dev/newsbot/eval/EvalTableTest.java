package dev.newsbot.eval;

import static dev.newsbot.eval.Cases.answerable;
import static dev.newsbot.eval.Cases.ranked;
import static dev.newsbot.eval.Cases.refused;
import static dev.newsbot.eval.Cases.unanswerable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvalTableTest {

    private final EvalQuestion comparison = answerable("c1", "comparison", List.of("a"), List.of("x"), List.of());
    private final EvalQuestion temporal = answerable("t1", "temporal", List.of("a"), List.of("x"), List.of());
    private final EvalQuestion none = unanswerable("n1", "null");

    @Test
    void should_print_one_row_per_label_in_the_given_order() {
        String table = EvalTable.render(rows());
        List<String> lines = table.lines().collect(Collectors.toList());

        assertThat(lines.get(0)).startsWith("label   ").contains("hit@1", "mrr@10", "acc", "p99ms");
        assertThat(lines.get(1)).startsWith("newsbot ").contains(" 3 ", " 2 ", " 0.750 ").endsWith(" 40");
        assertThat(lines.get(2)).startsWith("baseline").contains(" 0.000 ");
        assertThat(lines.subList(0, 3)).extracting(String::length).containsOnly(lines.get(0).length());
    }

    @Test
    void should_print_a_dash_for_a_missing_figure() {
        List<String> lines = EvalTable.render(rows()).lines().collect(Collectors.toList());
        List<String> headers = List.of(lines.get(0).split(" +"));
        List<String> baseline = List.of(lines.get(2).split(" +"));

        assertThat(baseline.get(headers.indexOf("cit_p"))).isEqualTo("-");
        assertThat(baseline.get(headers.indexOf("index_s"))).isEqualTo("-");
        assertThat(List.of(lines.get(1).split(" +")).get(headers.indexOf("index_s"))).isEqualTo("12.0");
    }

    @Test
    void should_print_the_types_in_name_order_with_each_label() {
        List<String> lines = EvalTable.render(rows()).lines().collect(Collectors.toList());
        int section = lines.indexOf("by type");

        assertThat(lines.get(section + 1)).startsWith("type").contains("label").doesNotContain("index_s");
        assertThat(lines.subList(section + 2, section + 8)).extracting(l -> l.split(" +", 3)[0] + " "
                + l.split(" +", 3)[1]).containsExactly(
                "comparison newsbot", "comparison baseline", "null newsbot", "null baseline",
                "temporal newsbot", "temporal baseline");
        assertThat(lines.get(section + 8)).isEmpty();
    }

    private Map<String, EvalReport> rows() {
        Map<String, EvalReport> rows = new LinkedHashMap<>();
        rows.put("newsbot", Metrics.compute(List.of(
                new Outcome(comparison, List.of("a"), "x", List.of("a"), false, 40),
                new Outcome(temporal, List.of("b", "a"), "x", List.of("a"), false, 20),
                refused(none)), 12.0));
        rows.put("baseline", Metrics.compute(List.of(
                ranked(comparison, List.of("b")), ranked(temporal, List.of("b")), ranked(none, List.of()))));
        return rows;
    }
}
