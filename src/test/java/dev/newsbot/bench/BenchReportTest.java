package dev.newsbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table judges each figure against the targets for the size of the run. */
class BenchReportTest {

    private static BenchReport report(double passages) {
        Map<String, Double> figures = new HashMap<>();
        BenchReport.KEYS.forEach(key -> figures.put(key, 1.0));
        figures.put("passages", passages);
        figures.put("search_p99_ms", 9.0);
        figures.put("answer_p99_ms", 40.0);
        figures.put("open_s", 5.0);
        figures.put("ingest_ratio", 0.5);
        return new BenchReport(figures, Map.of(), List.of());
    }

    private static String row(String table, String key) {
        return table.lines().filter(line -> line.startsWith(key + " ")).findFirst().orElseThrow();
    }

    @Test
    void should_judge_a_million_passages_by_the_million_passage_targets() {
        String table = report(1_000_000).table();

        assertThat(row(table, "search_p99_ms")).contains("<= 15  met");
        assertThat(row(table, "answer_p99_ms")).contains("<= 50  met");
        assertThat(row(table, "open_s")).contains("<= 10  met");
        assertThat(row(table, "ingest_ratio")).doesNotContain(">=");
    }

    @Test
    void should_judge_smaller_runs_by_the_50000_passage_targets() {
        String table = report(63_854).table();

        assertThat(row(table, "search_p99_ms")).contains("<= 5  MISSED");
        assertThat(row(table, "answer_p99_ms")).contains("<= 25  MISSED");
        assertThat(row(table, "open_s")).contains("<= 2  MISSED");
        assertThat(row(table, "ingest_ratio")).contains(">= 0.85  MISSED");
    }
}
