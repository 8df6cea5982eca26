package dev.newsbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.answer.AnswerService;
import dev.newsbot.answer.ExtractiveAnswerer;
import dev.newsbot.answer.RefusalTexts;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.cache.CachingAnswerEngine;
import dev.newsbot.config.Template;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import dev.newsbot.search.HybridRetriever;
import dev.newsbot.search.SearchBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole benchmark at a tiny size with the hashing embedder: every stage, no timing assertions. */
class BenchmarkTest {

    @TempDir
    Path work;

    private final List<String> progress = new ArrayList<>();

    private BenchReport run(List<SeedQuestion> real) {
        TextAnalyzer analyzer = new TextAnalyzer();
        SetIndexer indexer = new SetIndexer(new HashingEmbedder(), new PassageSplitter(new TokenCounter(), 110),
                analyzer);
        SetRegistry sets = new SetRegistry("default");
        Template refusal = Template.parse("refusal", "Nothing in {{set}}.", Set.of("set"),
                RefusalTexts.PLACEHOLDERS);
        AnswerService answers = new AnswerService(sets, indexer.embedder(), new HybridRetriever(),
                new ExtractiveAnswerer(analyzer, 3), new RefusalTexts(refusal, refusal, refusal), 10);
        BenchSubject subject = new BenchSubject(new SearchBench(indexer), sets, answers,
                new CachingAnswerEngine(answers, "maximumSize=1000"), Map.of("hashing again", new HashingEmbedder()));
        BenchSettings settings = new BenchSettings(500, 40, 20, 5, 7);
        return new Benchmark(subject, settings, work, progress::add)
                .run(new ArticleLoader().loadBundledDefault(), real, "the bundled set");
    }

    @Test
    void should_report_exactly_the_issue_keys_with_n_as_an_integer() throws Exception {
        BenchReport report = run(List.of());

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report.json()));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(BenchReport.KEYS);
        assertThat(json.get("passages").isInt()).isTrue();
        assertThat(json.get("passages").asInt()).isEqualTo(500);
    }

    @Test
    void should_measure_every_stage_over_the_grown_set() {
        BenchReport report = run(List.of());

        assertThat(report.figure("recall_at_10_vs_exact")).isEqualTo(1.0);
        assertThat(report.figure("heap_bytes_per_passage")).isPositive();
        assertThat(report.figure("index_bytes_per_passage")).isGreaterThan(64 * Float.BYTES);
        assertThat(report.figure("ingest_ratio"))
                .isEqualTo(report.figure("ingest_passages_per_s") / report.figure("model_passages_per_s"));
        assertThat(report.figure("open_speedup"))
                .isEqualTo(report.figure("reembed_s_estimate") / report.figure("open_s"));
        assertThat(report.figure("reembed_s_estimate")).isEqualTo(500 / report.figure("model_passages_per_s"));
        assertThat(report.figures().values()).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
        assertThat(report.details()).containsKeys("embedAll_passages_per_s: this project",
                "embedAll_passages_per_s: hashing again", "index_build_s", "answer_embed_p50_ms");
        assertThat(progress).anyMatch(line -> line.startsWith("open the index"));
        assertThat(Files.exists(work)).isTrue();
        assertThat(work.toFile().list()).isEmpty();
    }

    @Test
    void should_say_how_the_set_was_grown_and_where_the_questions_came_from() {
        BenchReport withoutFile = run(List.of());
        BenchReport withFile = run(List.of(new SeedQuestion("How many people were killed?", LocalDate.of(2013, 9, 23)),
                new SeedQuestion("Who carried out the attack?", LocalDate.of(2013, 9, 23))));

        assertThat(withoutFile.notes()).anyMatch(n -> n.contains("article sentences only"))
                .anyMatch(n -> n.contains("replicated") && n.contains("Gaussian noise"))
                .anyMatch(n -> n.contains("repeated with distinct ids"));
        assertThat(withFile.notes()).anyMatch(n -> n.contains("2 real questions"))
                .noneMatch(n -> n.contains("article sentences only"));
        assertThat(withFile.table()).contains("search_speedup").contains("<= 1024");
    }
}
