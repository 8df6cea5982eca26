package dev.newsbot.articles;

import static dev.newsbot.articles.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    private final ArticleLoader loader = new ArticleLoader();

    @Test
    void should_list_every_problem_then_count_errors_and_files() {
        Path badDate = fixture("bad-date.jsonl");
        Path unknown = fixture("unknown-field.jsonl");

        String report = ValidationReport.format(loader.load("s", List.of(badDate, unknown)));

        assertThat(report.lines()).hasSize(4);
        assertThat(report).startsWith(badDate + ":2: published: cannot parse \"2022-13-45\"")
                .contains("\n" + unknown + ":1: tittle: unknown field")
                .contains("\n" + unknown + ":1: title: required, but missing\n")
                .endsWith("\n3 errors in 2 files\n");
    }

    @Test
    void should_use_the_singular_for_one() {
        Path empty = fixture("empty.jsonl");

        assertThat(ValidationReport.format(loader.load("s", List.of(empty))))
                .isEqualTo(empty + ": file is empty\n1 error in 1 file\n");
    }

    @Test
    void should_summarise_a_clean_load() {
        assertThat(ValidationReport.format(loader.load("s", List.of(fixture("mixed")))))
                .isEqualTo("OK: 4 articles in 3 files\n");
    }

    @Test
    void should_render_problems_without_line_or_field() {
        Path file = Path.of("dir/a.jsonl");

        assertThat(new Problem(file, 12, "published", "bad")).hasToString("dir/a.jsonl:12: published: bad");
        assertThat(new Problem(file, 3, null, "bad")).hasToString("dir/a.jsonl:3: bad");
        assertThat(new Problem(file, 0, null, "bad")).hasToString("dir/a.jsonl: bad");
    }

    @Test
    void should_list_the_problems_in_the_exception_message() {
        Path file = fixture("bad-date.jsonl");

        ArticleSetException e = new ArticleSetException(loader.load("s", List.of(file)).problems());

        assertThat(e.getMessage()).isEqualTo("cannot load article set: 1 problem\n  " + file
                + ":2: published: cannot parse \"2022-13-45\" as an ISO date or date-time");
    }
}
