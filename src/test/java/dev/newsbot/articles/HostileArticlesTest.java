package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defects 2 (memory) and 8 (article content): article files a careless operator or a hostile writer
 * might hand the loader. Each test is named after the defect it keeps fixed.
 */
class HostileArticlesTest {

    private static final Clock DEC_2_2026 = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    private static final ArticleLimits SMALL = new ArticleLimits(2_000, 400, 100);

    private final ArticleLoader loader = new ArticleLoader();
    private final ArticleLoader small = new ArticleLoader(SMALL, DEC_2_2026);

    @TempDir
    Path dir;

    // Defect 2: memory

    @Test
    void articleFileOfOnePointFiveGigabytesIsRefusedWithoutBeingRead() throws IOException {
        Path file = dir.resolve("huge.jsonl");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(1_500_000_000L);
        }

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).extracting(Problem::toString)
                .containsExactly(file + ": file is 1.5 GB, over the limit of 250 MB for one article file");
    }

    @Test
    void fileOverTheConfiguredSizeLimitIsRefusedNamingFileAndLimit() throws IOException {
        Path file = write("news.jsonl", "{\"title\": \"T\", \"body\": \"B\"}\n".repeat(80));

        List<Problem> problems = small.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(
                new Problem(file, 0, null, "file is 2.2 kB, over the limit of 2 kB for one article file"));
    }

    @Test
    void lineOverTheLimitIsRefusedAndTheLinesAfterItAreStillChecked() throws IOException {
        Path file = write("news.jsonl", "{\"title\": \"T\", \"body\": \"" + "x".repeat(500) + "\"}\n"
                + "{\"title\": \"U\"}\n");

        List<Problem> problems = small.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(
                new Problem(file, 1, null, "line 1 is 526 bytes, over the limit of 400 bytes for one line"),
                new Problem(file, 2, "body", "required, but missing"));
    }

    @Test
    void bodyOverTheLimitIsRefusedInJsonLinesAndInMarkdown() throws IOException {
        Path json = write("a.jsonl", "{\"title\": \"T\", \"body\": \"" + "x".repeat(101) + "\"}\n");
        Path markdown = write("b.md", "---\ntitle: T\n---\n" + ("y".repeat(40) + "\n\n").repeat(5));

        List<Problem> problems = small.load("s", List.of(json, markdown)).problems();

        assertThat(problems).containsExactly(
                new Problem(json, 1, "body", "has 101 characters, over the limit of 100 for one body"),
                new Problem(markdown, 4, "body", "has 208 characters, over the limit of 100 for one body"));
    }

    @Test
    void symlinkToDevZeroIsRefusedNotRead() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("zero.jsonl"), Path.of("/dev/zero"));

        List<Problem> problems = loader.load("s", List.of(link)).problems();

        assertThat(problems).extracting(Problem::toString).containsExactly(link + ": not a regular file (it links "
                + "to /dev/zero), but a pipe, device or socket; only regular files are read");
    }

    @Test
    void symlinkToARegularFileIsRead() throws IOException {
        Path target = write("real.data", "{\"title\": \"T\", \"body\": \"B\"}\n");
        Path link = Files.createSymbolicLink(dir.resolve("news.jsonl"), target);

        LoadResult result = loader.load("s", List.of(link));

        assertThat(result.problems()).isEmpty();
        assertThat(result.set().articles()).extracting(Article::title).containsExactly("T");
    }

    @Test
    void deviceLinkedFromInsideADirectoryIsReportedNotSkipped() throws IOException {
        write("good.jsonl", "{\"title\": \"T\", \"body\": \"B\"}\n");
        Path link = Files.createSymbolicLink(dir.resolve("null.md"), Path.of("/dev/null"));

        List<Problem> problems = loader.load("s", List.of(dir)).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(link);
            assertThat(p.message()).startsWith("not a regular file");
        });
    }

    // Defect 8: article content

    @Test
    void bodyOfOnlyNoBreakSpacesIsEmpty() throws IOException {
        Path file = write("a.jsonl", "{\"title\": \"T\", \"body\": \"\u00A0\u00A0 \u202F\u2007\"}\n");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).extracting(Problem::line, Problem::field).containsExactly(1, "body");
            assertThat(p.message()).startsWith("must not be blank");
        });
    }

    @Test
    void bodyOfOnlyZeroWidthSpacesIsEmpty() throws IOException {
        Path file = write("a.md", "---\ntitle: T\n---\n\u200B\u200C\u200D\u2060\uFEFF\n\n\u200B\n");

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).extracting(Problem::line, Problem::field).containsExactly(4, "body");
            assertThat(p.message()).startsWith("must not be blank");
        });
    }

    @Test
    void yearsPlus99999AndMinus5000AreRefused() throws IOException {
        Path file = write("a.jsonl", """
                {"title": "Far future", "body": "B", "published": "+99999-01-01"}
                {"title": "Far past", "body": "C", "published": "-5000-03-01T10:00:00Z"}
                {"title": "Fine", "body": "D", "published": "2013-09-22"}
                """);

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                tuple(1, "published"), tuple(2, "published"));
        assertThat(problems.get(0).message()).startsWith("\"+99999-01-01\" is out of range; expected a date from "
                + "1605-01-01 (the first printed newspaper) to ");
        assertThat(problems.get(1).message()).startsWith("\"-5000-03-01T10:00:00Z\" is out of range");
    }

    @Test
    void publishedTomorrowIsAcceptedAndTheDayAfterIsRefused() throws IOException {
        Path file = write("a.jsonl", """
                {"title": "Tomorrow", "body": "B", "published": "2026-12-03T09:00:00+14:00"}
                {"title": "Day after", "body": "C", "published": "2026-12-04"}
                {"title": "Oldest", "body": "D", "published": "1605-01-01"}
                """);

        List<Problem> problems = small.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(new Problem(file, 2, "published", "\"2026-12-04\" is out of range; "
                + "expected a date from 1605-01-01 (the first printed newspaper) to 2026-12-03 (tomorrow)"));
    }

    @Test
    void yamlAliasInFrontMatterIsRefusedNotReadAsTheAnchorName() throws IOException {
        Path alias = write("a.md", "---\nsource: &outlet The Example Times\ntitle: *outlet\nauthor: *outlet\n---\n"
                + "Body\n");

        List<Problem> problems = loader.load("s", List.of(alias)).problems();

        String message = "YAML aliases (*name) are not allowed; write the value out";
        assertThat(problems).containsExactly(new Problem(alias, 3, "title", message),
                new Problem(alias, 4, "author", message));
    }

    @Test
    void fiftyMegabyteBodyIsReportedAsAnOverLongLineNotAsMalformedJson() throws IOException {
        Path file = dir.resolve("big.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("{\"title\": \"Fine\", \"body\": \"Fine.\"}\n{\"title\": \"Big\", \"body\": \"");
            String block = "word ".repeat(200_000);
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("\"}\n{\"title\": \"After\", \"body\": \"Fine too.\"}\n");
        }

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).containsExactly(
                new Problem(file, 2, null, "line 2 is 50 MB, over the limit of 8 MB for one line"));
    }

    @Test
    void utf16WithoutByteOrderMarkIsNamedAsUtf16() throws IOException {
        String text = "{\"title\": \"T\", \"body\": \"B\"}\n";
        Path little = Files.write(dir.resolve("le.jsonl"), text.getBytes(StandardCharsets.UTF_16LE));
        Path big = Files.write(dir.resolve("be.md"),
                ("---\ntitle: T\n---\n" + text).getBytes(StandardCharsets.UTF_16BE));
        Path marked = Files.write(dir.resolve("bom.jsonl"), text.getBytes(StandardCharsets.UTF_16));

        List<Problem> problems = loader.load("s", List.of(little, big, marked)).problems();

        assertThat(problems).extracting(Problem::toString).containsExactly(
                little + ": looks like UTF-16; save it as UTF-8", big + ": looks like UTF-16; save it as UTF-8",
                marked + ": looks like UTF-16; save it as UTF-8");
    }

    @Test
    void escAndNulInArticlesAreRemovedAtLoad() throws IOException {
        Path json = write("a.jsonl", "{\"title\": \"Red\\u001b[31m alert\\u0000\", \"source\": \"\\u009bX\", "
                + "\"author\": \"A\\rB\", \"body\": \"One\\u0007 line.\\r\\nTwo\\tcolumns.\\u007f\"}\n");
        Path markdown = write("b.md", "---\ntitle: \"Bell\\a and\\x1b]0;pwned\\x07 title\"\n---\nBody\u001b[2J "
                + "text\u0000.\n");

        List<Article> articles = loader.load("s", List.of(json, markdown)).set().articles();

        assertThat(articles.get(0)).extracting(Article::title, Article::source, Article::author, Article::body)
                .containsExactly("Red[31m alert", "X", "A\nB", "One line.\nTwo\tcolumns.");
        assertThat(articles.get(1)).extracting(Article::title, Article::body)
                .containsExactly("Bell and]0;pwned title", "Body[2J text.");
        assertThat(articles).allSatisfy(a -> assertThat(String.join("", a.id(), a.title(), a.source() + "",
                a.author() + "", a.body())).doesNotContainPattern("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]"));
    }

    @Test
    void javascriptUrlIsRefused() throws IOException {
        Path file = write("a.jsonl", """
                {"title": "A", "body": "B", "url": "javascript:alert(document.cookie)"}
                {"title": "C", "body": "D", "url": "data:text/html,<script>alert(1)</script>"}
                {"title": "E", "body": "F", "url": "https:///no-host"}
                {"title": "G", "body": "H", "url": "HTTPS://example.org/fine?q=1#x"}
                {"title": "I", "body": "J", "url": "http://example.org:8080/also fine"}
                """);

        List<Problem> problems = loader.load("s", List.of(file)).problems();

        assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                tuple(1, "url"), tuple(2, "url"),
                tuple(3, "url"), tuple(5, "url"));
        assertThat(problems.get(0).message()).isEqualTo(
                "must be an http:// or https:// link with a host, was \"javascript:alert(document.cookie)\"");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
