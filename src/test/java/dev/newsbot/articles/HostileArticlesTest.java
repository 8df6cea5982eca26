package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 2 (memory): article files a careless operator or a hostile writer
 * might hand the loader. Each test is named after the defect it keeps fixed.
 */
class HostileArticlesTest {

    private static final ArticleLimits SMALL = new ArticleLimits(2_000, 400, 100);

    private final ArticleLoader loader = new ArticleLoader();
    private final ArticleLoader small = new ArticleLoader(SMALL);

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

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
