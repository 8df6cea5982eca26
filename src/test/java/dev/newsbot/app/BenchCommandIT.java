package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.bench.BenchReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bench} in process with the real model at a tiny size: the command's contract, not its figures. */
class BenchCommandIT {

    @TempDir
    Path dir;

    @Test
    void should_print_the_table_and_write_exactly_the_issue_keys() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path json = dir.resolve("bench.json");

        int exit = cli.execute("bench", "--passages", "600", "--sample", "60", "--queries", "20", "--warmup", "5",
                "--json", json.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        figures.fieldNames().forEachRemaining(keys::add);
        List<String> expected = new ArrayList<>(BenchReport.KEYS);
        expected.addAll(List.of("dev_set_open_s", "dev_set_first_answer_ms", "dev_set_read_file"));
        assertThat(keys).containsExactlyElementsOf(expected);
        assertThat(figures.get("passages").asInt()).isEqualTo(600);
        assertThat(figures.get("recall_at_10_vs_exact").asDouble()).isBetween(0.0, 1.0);
        assertThat(out.toString()).contains("search_speedup").contains("answer_p99_ms").contains("replicated")
                .contains("embedAll_passages_per_s: LangChain4j default")
                .contains("Opening each dev set's index");
        assertThat(err.toString()).contains("bench: open the index and answer a first question");
    }
}
