package dev.newsbot.articles;

import static dev.newsbot.articles.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleLoaderTest {

    private final ArticleLoader loader = new ArticleLoader();

    @TempDir
    Path dir;

    @Test
    void should_report_malformed_json_with_its_line_and_load_nothing() {
        Path file = fixture("malformed-json.jsonl");

        LoadResult result = loader.load("s", List.of(file));

        assertThat(result.isOk()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isNull();
            assertThat(p.message()).startsWith("malformed JSON at column ").contains("end-of-input");
        });
        assertThatThrownBy(result::set).isInstanceOf(ArticleSetException.class)
                .satisfies(e -> assertThat(((ArticleSetException) e).problems()).isEqualTo(result.problems()));
    }

    @Test
    void should_report_a_missing_title_with_line_and_field() {
        Path file = fixture("missing-title.jsonl");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(new Problem(file, 2, "title", "required, but missing"));
    }

    @Test
    void should_report_a_blank_title() {
        Path file = fixture("blank-title.jsonl");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(new Problem(file, 1, "title", "must not be blank"));
    }

    @Test
    void should_report_a_markdown_file_without_body() {
        Path file = fixture("missing-body.md");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(new Problem(file, 5, "body", "must not be blank"));
    }

    @Test
    void should_report_an_unparseable_date_in_the_documented_form() {
        Path file = fixture("bad-date.jsonl");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).extracting(Problem::toString).containsExactly(
                file + ":2: published: cannot parse \"2022-13-45\" as an ISO date or date-time");
    }

    @Test
    void should_report_a_duplicate_id_within_a_file_naming_both_lines() {
        Path file = fixture("duplicate-id.jsonl");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(
                new Problem(file, 3, "id", "duplicate id \"same\", first at " + file + ":1"));
    }

    @Test
    void should_report_a_duplicate_url_across_files_naming_both_places() {
        Path directory = fixture("duplicate-url");

        List<Problem> problems = loader.load("s", List.of(directory)).problems();

        Path first = directory.resolve("a.jsonl");
        Path second = directory.resolve("b.md");
        assertThat(problems).containsExactly(new Problem(second, 3, "url",
                "duplicate url \"https://example.org/story\", first at " + first + ":1"));
    }

    @Test
    void should_report_a_duplicate_url_within_a_file() throws IOException {
        Path file = write("urls.jsonl", """
                {"id": "x", "url": "https://example.org/a", "title": "A", "body": "a"}
                {"id": "y", "url": "https://example.org/a", "title": "B", "body": "b"}
                """);

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(
                new Problem(file, 2, "url", "duplicate url \"https://example.org/a\", first at " + file + ":1"));
    }

    @Test
    void should_report_a_duplicate_id_across_files() throws IOException {
        Path first = write("one.jsonl", "{\"id\": \"x\", \"title\": \"A\", \"body\": \"a\"}\n");
        Path second = write("two.md", "---\nid: x\ntitle: B\n---\nb\n");

        List<Problem> problems = loader.load("s", List.of(first, second)).problems();

        assertThat(problems).containsExactly(
                new Problem(second, 2, "id", "duplicate id \"x\", first at " + first + ":1"));
    }

    @Test
    void should_report_an_empty_file() {
        Path file = fixture("empty.jsonl");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(new Problem(file, 0, null, "file is empty"));
    }

    @Test
    void should_report_the_line_of_the_first_byte_that_is_not_utf8() {
        Path file = fixture("not-utf8.txt");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.field()).isNull();
            assertThat(p.message()).startsWith("not valid UTF-8: byte 0xE9 at offset ");
        });
    }

    @Test
    void should_name_an_unknown_field_and_suggest_the_known_one() {
        Path file = fixture("unknown-field.jsonl");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                tuple(1, "tittle"), tuple(1, "title"));
        assertThat(problems.get(0).message()).startsWith("unknown field; did you mean \"title\"?");
        assertThat(problems.get(1).message()).isEqualTo("required, but missing");
    }

    @Test
    void should_report_a_wrong_json_type_once() {
        Path file = fixture("wrong-type.jsonl");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(
                new Problem(file, 1, "title", "expected a string, found a number (42)"));
    }

    @Test
    void should_report_a_text_file_without_front_matter() {
        Path file = fixture("no-front-matter.txt");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).extracting(Problem::file, Problem::line, Problem::field).containsExactly(file, 1, null);
            assertThat(p.message()).startsWith("no front matter");
        });
    }

    @Test
    void should_report_a_missing_path() {
        Path missing = dir.resolve("nowhere.jsonl");

        List<Problem> problems = loader.load("s", List.of(missing)).problems();

        assertThat(problems).containsExactly(new Problem(missing, 0, null, "no such file or directory"));
    }

    @Test
    void should_collect_every_problem_of_every_file_before_failing() {
        List<Path> files = List.of(fixture("malformed-json.jsonl"), fixture("bad-date.jsonl"),
                fixture("wrong-type.jsonl"), fixture("mixed"), fixture("unknown-field.jsonl"));

        LoadResult result = loader.load("s", files);

        assertThat(result.isOk()).isFalse();
        assertThat(result.problems()).extracting(p -> p.file().getFileName().toString()).containsExactly(
                "malformed-json.jsonl", "bad-date.jsonl", "wrong-type.jsonl", "unknown-field.jsonl",
                "unknown-field.jsonl");
    }

    @Test
    void should_load_a_mixed_directory_in_sorted_order_skipping_hidden_readme_and_other_files() {
        Path mixed = fixture("mixed");
        assertThat(mixed.resolve(".hidden.md")).exists();
        assertThat(mixed.resolve(".drafts/e.jsonl")).exists();
        assertThat(mixed.resolve("README.md")).exists();
        assertThat(mixed.resolve("notes.csv")).exists();

        LoadResult result = loader.load("mixed", List.of(mixed));

        assertThat(result.problems()).isEmpty();
        assertThat(result.files()).containsExactly(mixed.resolve("a.jsonl"), mixed.resolve("b/c.md"),
                mixed.resolve("d.txt"));
        assertThat(result.set().name()).isEqualTo("mixed");
        assertThat(result.set().articles()).extracting(Article::title).containsExactly(
                "Offset time", "Local time", "Heading gives the title", "Plain text article");
    }

    @Test
    void should_read_every_json_field_and_keep_paragraphs() {
        Article article = loader.load("mixed", List.of(fixture("mixed"))).set().articles().get(0);

        assertThat(article).isEqualTo(new Article("m1", "Offset time", "Example News", "https://example.org/m1",
                Published.ofDateTime(OffsetDateTime.parse("2023-09-26T17:01:22+02:00")), "A. Writer",
                "First paragraph.\n\nSecond paragraph."));
    }

    @Test
    void should_take_a_local_date_time_as_utc() {
        Article article = loader.load("mixed", List.of(fixture("mixed"))).set().articles().get(1);

        assertThat(article.published().dateTime()).isEqualTo(OffsetDateTime.parse("2023-09-27T23:30:00Z"));
    }

    @Test
    void should_take_the_markdown_heading_as_title_and_collapse_blank_lines() {
        Article article = loader.load("mixed", List.of(fixture("mixed"))).set().articles().get(2);

        assertThat(article.title()).isEqualTo("Heading gives the title");
        assertThat(article.body()).isEqualTo("First paragraph,\nstill the first.\n\nSecond paragraph.");
        assertThat(article.author()).isEqualTo("B. Reporter");
        assertThat(article.published()).isEqualTo(Published.ofDate(LocalDate.of(2023, 9, 28)));
    }

    @Test
    void should_keep_a_hash_line_in_plain_text_as_body() {
        Article article = loader.load("mixed", List.of(fixture("mixed"))).set().articles().get(3);

        assertThat(article.id()).isEqualTo("plain-1");
        assertThat(article.body()).isEqualTo("# not a heading in plain text\n\nBody text.");
    }

    @Test
    void should_derive_a_missing_id_from_the_url() throws IOException {
        Path file = write("a.jsonl", "{\"url\": \"https://example.org/story\", \"title\": \"Story\", \"body\": \"x\"}");

        Article article = loader.load("s", List.of(file)).set().articles().get(0);

        assertThat(article.id()).isEqualTo("89b07b87bba2e0cc");
    }

    @Test
    void should_derive_a_missing_id_from_title_and_body_without_url() throws IOException {
        Path file = write("a.md", "---\ntitle: Story\nurl:\n---\n\nFirst copy.\n");

        Article first = loader.load("s", List.of(file)).set().articles().get(0);
        Article again = loader.load("s", List.of(file)).set().articles().get(0);

        assertThat(first.id()).isEqualTo("fd9e0d58e6d1cc5f").isEqualTo(again.id());
    }

    @Test
    void should_read_a_file_given_twice_only_once() {
        Path file = fixture("mixed/a.jsonl");

        LoadResult result = loader.load("s", List.of(file, fixture("mixed")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.set().articles()).hasSize(4);
    }

    @Test
    void should_report_an_unsupported_file_and_a_directory_without_articles() throws IOException {
        Path csv = write("notes.csv", "a,b\n");
        Path empty = Files.createDirectory(dir.resolve("empty"));

        List<Problem> problems = loader.load("s", List.of(csv, empty)).problems();

        assertThat(problems).extracting(Problem::file, Problem::line).containsExactly(tuple(csv, 0), tuple(empty, 0));
        assertThat(problems.get(0).message()).startsWith("unsupported file type");
        assertThat(problems.get(1).message()).startsWith("no article files");
    }

    @Test
    void should_accept_absent_and_null_optional_fields() throws IOException {
        Path file = write("a.ndjson", "{\"id\": null, \"url\": null, \"title\": \"T\", \"source\": null, "
                + "\"published\": null, \"author\": null, \"body\": \"B\"}\n{\"title\": \"U\", \"body\": \"C\"}\n");

        List<Article> articles = loader.load("s", List.of(file)).set().articles();

        assertThat(articles).hasSize(2).allSatisfy(a -> {
            assertThat(a.url()).isNull();
            assertThat(a.published()).isNull();
            assertThat(a.id()).hasSize(16);
        });
    }

    @Test
    void should_reject_a_line_that_is_not_an_object_or_has_trailing_text() throws IOException {
        Path file = write("a.jsonl", "[1, 2]\n{\"title\": \"T\", \"body\": \"B\"} {}\n");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).extracting(Problem::line).containsExactly(1, 2);
        assertThat(problems.get(0).message()).startsWith("expected a JSON object");
        assertThat(problems.get(1).message()).startsWith("malformed JSON: more text after the object");
    }

    @Test
    void should_report_a_field_given_twice() throws IOException {
        Path file = write("a.md", "---\ntitle: One\ntitle: Two\n---\nBody\n");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(new Problem(file, 3, "title", "given more than once (first on line 2)"));
    }

    @Test
    void should_report_yaml_errors_with_the_file_line() throws IOException {
        Path file = write("a.md", "---\ntitle: fine\nauthor: \"unclosed\n---\nBody\n");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isBetween(3, 4);
            assertThat(p.message()).startsWith("front matter is not valid YAML: ");
        });
    }

    @Test
    void should_report_unclosed_front_matter_a_body_key_and_a_list_value() throws IOException {
        Path unclosed = write("a.md", "---\ntitle: T\nBody\n");
        Path bodyKey = write("b.md", "---\ntitle: T\nbody: in the wrong place\n---\nBody\n");
        Path list = write("c.txt", "---\ntitle: T\nauthor: [A, B]\n---\nBody\n");

        List<Problem> problems = loader.load("s", List.of(unclosed, bodyKey, list)).problems();

        assertThat(problems).containsExactly(
                new Problem(unclosed, 1, null, "front matter is never closed by a \"---\" line"),
                new Problem(bodyKey, 3, "body", "the body goes after the front matter, not in it"),
                new Problem(list, 3, "author", "expected a string, found an array"));
    }

    @Test
    void should_keep_yaml_scalars_as_text() throws IOException {
        Path file = write("a.md", "---\ntitle: 1984\nauthor: yes\nid: 007\n---\nBody\n");

        Article article = loader.load("s", List.of(file)).set().articles().get(0);

        assertThat(article).extracting(Article::title, Article::author, Article::id)
                .containsExactly("1984", "yes", "007");
    }

    @Test
    void should_accept_crlf_line_ends_and_a_byte_order_mark() throws IOException {
        Path file = write("a.md", "\uFEFF---\r\ntitle: T\r\n---\r\nOne\r\n\r\nTwo\r\n");

        Article article = loader.load("s", List.of(file)).set().articles().get(0);

        assertThat(article.body()).isEqualTo("One\n\nTwo");
    }

    @Test
    void should_reject_an_empty_path_list_and_a_blank_name() {
        assertThatThrownBy(() -> loader.load("s", List.of())).hasMessage("paths must not be empty");
        assertThatThrownBy(() -> loader.load(" ", List.of(dir))).hasMessage("setName must not be blank");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
