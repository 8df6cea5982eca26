package dev.newsbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.newsbot.eval.QuestionFileException.Problem;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionLoaderTest {

    @Test
    void should_load_every_field_and_skip_blank_lines() {
        List<EvalQuestion> questions = QuestionLoader.load(fixture("valid_with_blank_line.jsonl"));

        assertThat(questions).containsExactly(
                new EvalQuestion("q1", "Which continent will require a common charger?", LocalDate.of(2022, 6, 16),
                        "news-quiz", true, List.of("https://example.org/charger"), List.of("Europe"),
                        List.of("Asia", "Africa"), List.of("Europe will require USB-C.")),
                new EvalQuestion("q2", "Which network did she partner with?", LocalDate.of(2023, 12, 31), "null",
                        false, List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void should_ignore_a_byte_order_mark() {
        assertThat(QuestionLoader.load(fixture("byte_order_mark.jsonl"))).extracting(EvalQuestion::id)
                .containsExactly("q1");
    }

    @Test
    void should_report_malformed_json_with_its_line() {
        QuestionFileException e = failure("malformed_json.jsonl");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isNull();
            assertThat(p.message()).startsWith("malformed JSON at column");
        });
    }

    @Test
    void should_report_a_missing_question() {
        assertThat(failure("missing_question.jsonl").problems()).containsExactly(
                new Problem(1, "question", "missing"));
    }

    @Test
    void should_report_a_date_that_does_not_exist() {
        assertThat(failure("bad_date.jsonl").problems()).containsExactly(
                new Problem(1, "asked_on", "not an ISO date (yyyy-mm-dd): \"2023-02-30\""));
    }

    @Test
    void should_report_each_field_of_the_wrong_type() {
        assertThat(failure("wrong_types.jsonl").problems()).containsExactly(
                new Problem(1, "id", "expected a string, was number"),
                new Problem(1, "answerable", "expected true or false, was string"),
                new Problem(1, "gold_urls", "expected an array of strings, was string"),
                new Problem(1, "answers[1]", "expected a string, was number"));
    }

    @Test
    void should_collect_the_problems_of_every_line_into_one_exception() {
        Path file = fixture("several_problems.jsonl");

        QuestionFileException e = failure("several_problems.jsonl");

        assertThat(e.file()).isEqualTo(file);
        assertThat(e.problems()).extracting(Problem::line, Problem::field).containsExactly(
                tuple(2, null),
                tuple(3, "question"),
                tuple(4, "asked_on"),
                tuple(5, "answerable"),
                tuple(6, "id"),
                tuple(7, null),
                tuple(8, null));
        assertThat(e.problems().get(4).message()).isEqualTo("duplicate id \"q1\", first used on line 1");
        assertThat(e.problems().get(5).message()).isEqualTo("expected a JSON object, was array");
        assertThat(e.problems().get(6).message()).startsWith("malformed JSON at column 98: Trailing token");
        assertThat(e.getMessage()).startsWith("7 problem(s) in question file " + file + ":")
                .contains(file + ":3: field question: missing")
                .contains(file + ":4: field asked_on: not an ISO date (yyyy-mm-dd): \"31/12/2023\"");
    }

    @Test
    void should_name_the_file_it_cannot_read() {
        Path absent = fixture("valid_with_blank_line.jsonl").resolveSibling("no_such_file.jsonl");

        assertThatThrownBy(() -> QuestionLoader.load(absent)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(absent.toString());
    }

    private static QuestionFileException failure(String name) {
        return catchThrowableOfType(QuestionFileException.class, () -> QuestionLoader.load(fixture(name)));
    }

    static Path fixture(String name) {
        try {
            return Path.of(QuestionLoaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
