package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFingerprintTest {

    private static final String LINE = "{\"id\":\"a1\",\"title\":\"Bridge opens\",\"body\":\"The bridge opened.\"}\n";

    @TempDir
    Path dir;

    private final ArticleLoader loader = new ArticleLoader();

    @Test
    void should_give_the_same_fingerprint_for_the_same_bytes_without_loading_them() throws IOException {
        Path file = Files.writeString(dir.resolve("a.jsonl"), LINE);

        String first = loader.fingerprint(List.of(file)).orElseThrow();

        assertThat(loader.fingerprint(List.of(file))).contains(first);
        assertThat(first).hasSize(64);
        assertThat(loader.loads()).isZero();
    }

    @Test
    void should_change_with_one_byte_of_a_file() throws IOException {
        Path file = Files.writeString(dir.resolve("a.jsonl"), LINE);
        String before = loader.fingerprint(List.of(file)).orElseThrow();

        Files.writeString(file, LINE.replace("opened", "opener"));

        assertThat(loader.fingerprint(List.of(file)).orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void should_change_when_a_file_of_a_folder_is_added_renamed_or_removed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("news"));
        Files.writeString(folder.resolve("a.jsonl"), LINE);
        String one = loader.fingerprint(List.of(folder)).orElseThrow();
        Files.writeString(folder.resolve("b.jsonl"), LINE.replace("a1", "b1"));
        String two = loader.fingerprint(List.of(folder)).orElseThrow();
        Files.move(folder.resolve("b.jsonl"), folder.resolve("c.jsonl"));
        String renamed = loader.fingerprint(List.of(folder)).orElseThrow();
        Files.delete(folder.resolve("c.jsonl"));

        assertThat(List.of(one, two, renamed)).doesNotHaveDuplicates();
        assertThat(loader.fingerprint(List.of(folder))).contains(one);
    }

    @Test
    void should_change_with_the_loader_limits() throws IOException {
        Path file = Files.writeString(dir.resolve("a.jsonl"), LINE);
        ArticleLoader stricter = new ArticleLoader(new ArticleLimits(1_000_000, 100_000, 50_000), Clock.systemUTC());

        assertThat(stricter.fingerprint(List.of(file))).isNotEqualTo(loader.fingerprint(List.of(file)));
    }

    @Test
    void should_give_none_for_a_missing_path_or_a_web_source() throws IOException {
        Path file = Files.writeString(dir.resolve("a.jsonl"), LINE);

        assertThat(loader.fingerprint(List.of(file, dir.resolve("missing.jsonl")))).isEmpty();
        assertThat(loader.fingerprint(List.of(file, Path.of("https://example.com/feed.xml")))).isEmpty();
    }
}
