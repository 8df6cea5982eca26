package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared evaluation sets, read in place; skipped on machines that do not have them. */
class EvalSetsTest {

    private static final Path EVAL = Path.of("/work/shared/eval");

    @ParameterizedTest
    @CsvSource({"mhr500, 326, mhr-0", "rtqa2022, 218, rt22-0"})
    void should_load_the_eval_articles_cleanly(String set, int count, String firstId) {
        Path file = EVAL.resolve(set).resolve("articles.jsonl");
        assumeTrue(Files.isRegularFile(file), "eval set not present: " + file);

        LoadResult result = new ArticleLoader().load(set, List.of(file));

        assertThat(result.problems()).isEmpty();
        assertThat(result.set().articles()).hasSize(count);
        assertThat(result.set().articles().get(0).id()).isEqualTo(firstId);
        assertThat(result.set().articles()).allSatisfy(a -> {
            assertThat(a.url()).startsWith("http");
            assertThat(a.published()).isNotNull();
        });
        assertThat(ValidationReport.format(result)).isEqualTo("OK: " + count + " articles in 1 file\n");
    }
}
