package dev.newsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.articles.Article;
import dev.newsbot.retrieval.IndexSnapshot;
import dev.newsbot.retrieval.StallingSnapshotWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed while writing a snapshot leaves the previous snapshot intact, and the next start uses it. */
class SnapshotCrashTest {

    @TempDir
    Path dir;

    @Test
    void should_keep_the_old_snapshot_when_the_writer_is_killed_mid_write() throws Exception {
        Path articles = dir.resolve("articles");
        TestBot.writeJsonl(articles.resolve("news.jsonl"), TestBot.towns(30, 0));
        SetSource source = new SetSource("news", List.of(articles), articles.resolve(".newsbot-index"));
        TestBot first = new TestBot();
        first.manager(source).loadAll();
        byte[] before = Files.readAllBytes(source.snapshot());

        Process writer = startStallingWriter(source.snapshot(), first);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("stalled after");
            assertThat(temporaryFiles(articles)).isNotEmpty();
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(Files.readAllBytes(source.snapshot())).isEqualTo(before);
        List<Article> next = new ArrayList<>(TestBot.towns(30, 0));
        next.set(3, TestBot.town(3, 1));
        TestBot.writeJsonl(articles.resolve("news.jsonl"), next);
        TestBot restarted = new TestBot();
        ReloadReport report = restarted.manager(source).reload("news");
        assertThat(report.ok()).isTrue();
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.embedded()).isEqualTo(restarted.hashing.calls()).isLessThan(report.passages());
        assertThat(IndexSnapshot.read(source.snapshot(), restarted.indexer.settings()).header().setVersion())
                .isEqualTo(report.version());
    }

    private static Process startStallingWriter(Path snapshot, TestBot bot) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StallingSnapshotWriter.class.getName(), snapshot.toString(), bot.indexer.settings().embeddingModel(),
                String.valueOf(bot.indexer.settings().dimension()), bot.indexer.settings().splitterSettings())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<Path> temporaryFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
