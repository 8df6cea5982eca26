package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.articles.Article;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.IndexFiles;
import dev.newsbot.index.SetIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (kill -9) while writing a new index version leaves the served version intact, and the next
 * start serves it, reusing its passages; the abandoned draft is deleted at the next write.
 */
class IndexCrashTest {

    @TempDir
    Path dir;

    @Test
    void should_keep_serving_the_old_index_when_the_writer_is_killed_mid_write() throws Exception {
        Path articles = dir.resolve("articles");
        TestBot.writeJsonl(articles.resolve("news.jsonl"), TestBot.towns(30, 0));
        SetSource source = new SetSource("news", List.of(articles), articles.resolve(".newsbot-index"));
        TestBot first = new TestBot();
        first.manager(source).loadAll();
        Map<String, Integer> before = IndexFiles.contents(source.snapshot());

        Process writer = startStallingWriter(source.snapshot());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("stalled after");
            assertThat(drafts(source.snapshot())).isNotEmpty();
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(IndexFiles.contents(source.snapshot())).containsAllEntriesOf(before);
        List<Article> next = new ArrayList<>(TestBot.towns(30, 0));
        next.set(3, TestBot.town(3, 1));
        TestBot.writeJsonl(articles.resolve("news.jsonl"), next);
        TestBot restarted = new TestBot();
        ReloadReport report = restarted.manager(source).reload("news");
        assertThat(report.ok()).isTrue();
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.embedded()).isEqualTo(restarted.hashing.calls()).isLessThan(report.passages());
        try (SetIndex served = IndexDirectory.at(source.snapshot()).open(restarted.indexer.settings())) {
            assertThat(served.header().setVersion()).isEqualTo(report.version());
        }
        assertThat(drafts(source.snapshot())).isEmpty();
    }

    private static Process startStallingWriter(Path index) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StallingIndexWriter.class.getName(), index.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<Path> drafts(Path index) throws Exception {
        try (Stream<Path> files = Files.list(index)) {
            return files.filter(f -> f.getFileName().toString().startsWith("tmp-")).toList();
        }
    }
}
