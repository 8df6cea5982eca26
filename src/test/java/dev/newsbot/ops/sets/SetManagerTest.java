package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsbot.articles.Article;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.IndexFiles;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.SetIndex;
import dev.newsbot.ops.metrics.BotMetrics;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetManagerTest {

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private SetSource source(Path file) {
        return new SetSource("news", List.of(file), file.resolveSibling(file.getFileName() + ".newsbot-index"));
    }

    @Test
    void should_serve_the_new_version_and_report_what_changed() {
        TestBot bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(5, 0));
        SetManager manager = bot.manager(source(file));
        ReloadReport first = manager.reload("news");
        List<Article> next = new ArrayList<>(TestBot.towns(5, 0).subList(1, 5));
        next.set(0, TestBot.town(1, 1));
        next.add(TestBot.town(7, 0));
        TestBot.writeJsonl(file, next);

        ReloadReport report = manager.reload("news");

        assertThat(report.ok()).isTrue();
        assertThat(report.previousVersion()).isEqualTo(first.version());
        assertThat(report.version()).isEqualTo(bot.registry.get("news").articleSet().version())
                .isNotEqualTo(first.version());
        assertThat(List.of(report.added(), report.removed(), report.changed())).containsExactly(1, 1, 1);
        assertThat(report.passages()).isEqualTo(bot.registry.get("news").size());
        assertThat(report.errors()).isEmpty();
        assertThat(manager.lastReload("news")).contains(report);
    }

    @Test
    void should_keep_serving_the_old_version_and_report_every_error_when_the_new_content_is_bad() throws IOException {
        TestBot bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(3, 0));
        SetManager manager = bot.manager(source(file));
        String served = manager.reload("news").version();
        Files.writeString(file, Files.readString(file)
                + "{\"title\": \"No body\"}\n{\"title\": \"Bad date\", \"body\": \"x\", \"published\": \"2022-13-45\"}\n");

        ReloadReport report = manager.reload("news");

        assertThat(report.ok()).isFalse();
        assertThat(report.version()).isEqualTo(served);
        assertThat(bot.registry.get("news").articleSet().version()).isEqualTo(served);
        assertThat(report.errors()).hasSize(2);
        assertThat(report.errors().get(0)).startsWith(file + ":4: body:");
        assertThat(report.errors().get(1)).startsWith(file + ":5: published:");
        assertThat(report.summary()).contains("still serving version " + served).contains(file + ":5: published:");
    }

    @Test
    void should_re_embed_only_the_changed_article_of_a_large_set() {
        TestBot bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(300, 0));
        SetManager manager = bot.manager(source(file));
        manager.reload("news");
        List<Article> next = new ArrayList<>(TestBot.towns(300, 0));
        next.set(42, TestBot.town(42, 1));
        TestBot.writeJsonl(file, next);
        int before = bot.hashing.calls();

        ReloadReport report = manager.reload("news");

        var store = bot.registry.get("news");
        long passagesOfTown42 = java.util.stream.IntStream.range(0, store.size())
                .filter(row -> store.passage(row).articleId().equals("town-42")).count();
        assertThat(report.changed()).isEqualTo(1);
        assertThat((long) report.embedded()).isEqualTo(passagesOfTown42).isPositive();
        assertThat(bot.hashing.calls() - before).isEqualTo(report.embedded());
        System.out.printf("incremental reload of 1 of 300 articles: %.3f s%n", report.seconds());
    }

    @Test
    void should_serialise_two_reloads_of_the_same_set() throws Exception {
        TestBot bot = new TestBot(5);
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(40, 0));
        SetManager manager = bot.manager(source(file));
        TestBot.SlowEmbedder slow = (TestBot.SlowEmbedder) bot.embedder;

        CompletableFuture<ReloadReport> a = manager.reloadAsync("news", threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.running.get() == 1);
        TestBot.writeJsonl(file, TestBot.towns(40, 1));
        CompletableFuture<ReloadReport> b = manager.reloadAsync("news", threads);

        assertThat(a.get().ok()).isTrue();
        assertThat(b.get().ok()).isTrue();
        assertThat(slow.maxRunning).hasValue(1);
        assertThat(b.get().previousVersion()).isEqualTo(a.get().version());
        assertThat(b.get().changed()).isEqualTo(40);
    }

    @Test
    void should_restart_from_an_index_made_from_the_same_files_without_reading_embedding_or_rewriting() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        TestBot first = new TestBot();
        first.manager(source(file)).loadAll();
        Map<String, Integer> written = IndexFiles.contents(source(file).snapshot());
        TestBot restarted = new TestBot();

        ReloadReport report = restarted.manager(source(file)).reload("news");

        assertThat(IndexFiles.contents(source(file).snapshot())).isEqualTo(written);
        assertThat(report.ok()).isTrue();
        assertThat(report.embedded()).isZero();
        assertThat(report.added()).isZero();
        assertThat(restarted.loader.loads()).isZero();
        assertThat(restarted.hashing.calls()).isZero();
        assertThat(report.version()).isEqualTo(first.registry.get("news").articleSet().version());
        PassageStore was = first.registry.get("news");
        PassageStore now = restarted.registry.get("news");
        assertThat(now.size()).isEqualTo(was.size());
        assertThat(now.articleSet().articles()).hasSameSizeAs(was.articleSet().articles());
        for (int row = 0; row < was.size(); row++) {
            assertThat(now.passage(row)).isEqualTo(was.passage(row));
            assertThat(List.of(now.article(row).id(), now.article(row).title(), now.article(row).url(),
                    now.article(row).source(), now.article(row).published().toString()))
                    .isEqualTo(List.of(was.article(row).id(), was.article(row).title(), was.article(row).url(),
                            was.article(row).source(), was.article(row).published().toString()));
        }
    }

    @Test
    void should_read_files_whose_bytes_changed_and_serve_the_index_as_it_is_when_the_articles_did_not() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        new TestBot().manager(source(file)).loadAll();
        Map<String, Integer> written = IndexFiles.contents(source(file).snapshot());
        List<Article> reordered = new ArrayList<>(TestBot.towns(20, 0));
        Collections.reverse(reordered);
        TestBot.writeJsonl(file, reordered);
        TestBot restarted = new TestBot();

        ReloadReport report = restarted.manager(source(file)).reload("news");

        assertThat(restarted.loader.loads()).isEqualTo(1);
        assertThat(report.embedded()).isZero();
        assertThat(restarted.hashing.calls()).isZero();
        assertThat(IndexFiles.contents(source(file).snapshot())).isEqualTo(written);
    }

    @Test
    void should_read_the_files_and_re_embed_the_changed_article_when_one_byte_changed() throws IOException {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        new TestBot().manager(source(file)).loadAll();
        String text = Files.readString(file);
        int at = text.indexOf("opened 8 new") + "opened ".length();
        Files.writeString(file, text.substring(0, at) + "9" + text.substring(at + 1));
        TestBot restarted = new TestBot();

        ReloadReport report = restarted.manager(source(file)).reload("news");

        assertThat(restarted.loader.loads()).isEqualTo(1);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(restarted.hashing.calls()).isPositive();
        assertThat(report.embedded()).isPositive().isLessThan(report.passages());
    }

    @Test
    void should_read_the_files_when_one_is_added_or_removed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("news"));
        TestBot.writeJsonl(folder.resolve("a.jsonl"), TestBot.towns(10, 0));
        TestBot.writeJsonl(folder.resolve("b.jsonl"), List.of(TestBot.town(30, 0)));
        SetSource source = new SetSource("news", List.of(folder), folder.resolve(".newsbot-index"));
        new TestBot().manager(source).loadAll();
        TestBot unchanged = new TestBot();
        unchanged.manager(source).loadAll();
        Files.delete(folder.resolve("b.jsonl"));
        TestBot afterRemoval = new TestBot();

        ReloadReport removed = afterRemoval.manager(source).reload("news");
        TestBot.writeJsonl(folder.resolve("c.jsonl"), List.of(TestBot.town(31, 0)));
        TestBot afterAddition = new TestBot();
        ReloadReport added = afterAddition.manager(source).reload("news");

        assertThat(unchanged.loader.loads()).isZero();
        assertThat(afterRemoval.loader.loads()).isEqualTo(1);
        assertThat(removed.removed()).isEqualTo(1);
        assertThat(afterAddition.loader.loads()).isEqualTo(1);
        assertThat(added.added()).isEqualTo(1);
        assertThat(afterAddition.hashing.calls()).isPositive();
    }

    @Test
    void should_not_read_the_files_again_when_a_served_set_is_reloaded_unchanged() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(5, 0));
        TestBot bot = new TestBot();
        SetManager manager = bot.manager(source(file));
        ReloadReport first = manager.reload("news");

        ReloadReport again = manager.reload("news");

        assertThat(bot.loader.loads()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(first.version()).isEqualTo(again.previousVersion());
    }

    @Test
    void should_rebuild_a_corrupt_index() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        SetSource source = source(file);
        new TestBot().manager(source).loadAll();
        IndexFiles.flipBit(IndexFiles.largestFile(source.snapshot()));
        TestBot restarted = new TestBot();

        ReloadReport report = restarted.manager(source).reload("news");

        assertThat(report.ok()).isTrue();
        assertThat(report.embedded()).isEqualTo(report.passages()).isPositive();
        try (SetIndex rebuilt = IndexDirectory.at(source.snapshot()).open(restarted.indexer.settings())) {
            assertThat(rebuilt.size()).isEqualTo(report.passages());
        }
    }

    @Test
    void should_rebuild_a_truncated_index() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        SetSource source = source(file);
        new TestBot().manager(source).loadAll();
        IndexFiles.truncate(IndexFiles.largestFile(source.snapshot()), 100);
        TestBot restarted = new TestBot();

        ReloadReport report = restarted.manager(source).reload("news");

        assertThat(report.ok()).isTrue();
        assertThat(report.embedded()).isEqualTo(report.passages());
        try (SetIndex rebuilt = IndexDirectory.at(source.snapshot()).open(restarted.indexer.settings())) {
            assertThat(rebuilt.size()).isEqualTo(report.passages());
        }
    }

    @Test
    void should_rebuild_an_index_made_with_other_splitter_settings() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        SetSource source = source(file);
        new TestBot(null, 100).manager(source).loadAll();
        TestBot restarted = new TestBot();

        ReloadReport report = restarted.manager(source).reload("news");

        assertThat(report.embedded()).isEqualTo(report.passages());
        try (SetIndex rewritten = IndexDirectory.at(source.snapshot()).open(restarted.indexer.settings())) {
            assertThat(rewritten.header().settings()).isEqualTo(restarted.indexer.settings());
        }
    }

    @Test
    void should_never_start_from_or_touch_a_file_that_is_not_an_index() throws IOException {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(3, 0));
        SetSource source = source(file);
        Files.writeString(source.snapshot(), "not an index");
        TestBot bot = new TestBot();

        bot.manager(source).loadAll();

        assertThat(bot.registry.get("news").size()).isPositive();
        assertThat(bot.hashing.calls()).isEqualTo(bot.registry.get("news").size());
        assertThat(Files.readString(source.snapshot())).isEqualTo("not an index");
    }

    @Test
    void should_stop_the_start_naming_the_set_and_every_problem() throws IOException {
        Path file = Files.writeString(dir.resolve("news.jsonl"), "{\"title\": \"t\"}\n{\"body\": \"b\"}\n");
        SetManager manager = new TestBot().manager(source(file));

        assertThatThrownBy(manager::loadAll).isInstanceOf(SetManager.SetLoadException.class)
                .hasMessageContaining("\"news\"").hasMessageContaining("2 problems")
                .hasMessageContaining(file + ":1: body:").hasMessageContaining(file + ":2: title:");
        assertThat(manager.ready()).isFalse();
    }

    @Test
    void should_be_ready_once_every_set_is_served() {
        TestBot bot = new TestBot();
        Path a = TestBot.writeJsonl(dir.resolve("a/news.jsonl"), TestBot.towns(2, 0));
        Path b = TestBot.writeJsonl(dir.resolve("b/world.jsonl"), TestBot.towns(2, 1));
        SetManager manager = bot.manager(source(a), new SetSource("world", List.of(b.getParent()), null));

        assertThat(manager.ready()).isFalse();
        manager.reload("news");
        assertThat(manager.loading()).containsExactly("world");
        manager.reload("world");
        assertThat(manager.ready()).isTrue();
    }

    @Test
    void should_not_be_ready_while_another_part_says_why() {
        Path a = TestBot.writeJsonl(dir.resolve("a/news.jsonl"), TestBot.towns(2, 0));
        SetManager manager = new TestBot().manager(source(a));
        manager.reload("news");

        manager.readiness().notReady("telegram", "getMe failing (502), retrying in 8 s");
        assertThat(manager.ready()).isFalse();
        assertThat(manager.loading()).containsExactly("telegram: getMe failing (502), retrying in 8 s");

        manager.readiness().ready("telegram");
        assertThat(manager.ready()).isTrue();
        assertThat(manager.loading()).isEmpty();
    }

    @Test
    void should_name_the_known_sets_for_an_unknown_one() {
        SetManager manager = new TestBot().manager(source(dir.resolve("news.jsonl")));

        assertThatThrownBy(() -> manager.reload("sport")).isInstanceOf(NoSuchSetException.class)
                .hasMessage("no article set named \"sport\"; sets: news");
    }

    @Test
    void should_report_unchanged_content_without_rebuilding() {
        TestBot bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(3, 0));
        SetManager manager = bot.manager(source(file));
        ReloadReport first = manager.reload("news");
        int calls = bot.hashing.calls();

        ReloadReport again = manager.reload("news");

        assertThat(again.ok()).isTrue();
        assertThat(again.version()).isEqualTo(first.version()).isEqualTo(again.previousVersion());
        assertThat(bot.hashing.calls()).isEqualTo(calls);
        assertThat(again.summary()).contains("unchanged at version " + first.version());
    }

    /** Issue 13, defect 2: a 1.5 GB article file dropped into a running bot's folder. */
    @Test
    void reloadWithAnArticleFileOverTheSizeLimitKeepsTheOldVersionAndCountsAFailedReload() throws IOException {
        TestBot bot = new TestBot();
        Path folder = Files.createDirectories(dir.resolve("news"));
        TestBot.writeJsonl(folder.resolve("news.jsonl"), TestBot.towns(3, 0));
        SetManager manager = bot.manager(new SetSource("news", List.of(folder), null));
        BotMetrics metrics = new BotMetrics();
        metrics.sets(manager, bot.registry);
        String served = manager.reload("news").version();
        Path huge = folder.resolve("huge.jsonl");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(1_500_000_000L);
        }

        ReloadReport report = manager.reload("news");

        assertThat(report.ok()).isFalse();
        assertThat(bot.registry.get("news").articleSet().version()).isEqualTo(served);
        assertThat(report.errors()).containsExactly(
                huge + ": file is 1.5 GB, over the limit of 250 MB for one article file");
        assertThat(report.summary()).contains("still serving version " + served);
        assertThat(metrics.registry().counter("newsbot.reloads", "set", "news", "result", "failed").count())
                .isEqualTo(1.0);
        assertThat(metrics.registry().counter("newsbot.reloads", "set", "news", "result", "ok").count())
                .isEqualTo(1.0);
    }

    /**
     * Issue 13, defect 2: a reload that runs out of memory (here: many files, each within the limits, more than
     * the heap holds) is reported and counted as failed, the old version keeps serving, and the heap is free again.
     */
    @Test
    void reloadThatRunsOutOfMemoryKeepsTheOldVersionAndIsReportedAndCounted() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("news"));
        TestBot.writeJsonl(folder.resolve("a.jsonl"), TestBot.towns(5, 0));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                OutOfMemoryReload.class.getName(), folder.toString()).redirectErrorStream(true).start();
        // the child prints its own log and then its findings, one per line
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("served ")) {
                line = out.readLine(); // the child's log comes first
            }
            assertThat(line).startsWith("served ");
            writeBigFiles(folder, 12, 12);
            child.getOutputStream().write('\n');
            child.getOutputStream().flush();
            List<String> lines = out.lines().toList();

            assertThat(child.waitFor()).as(String.join("\n", lines)).isZero();
            assertThat(lines).contains("ok false", "still serving true", "failed reloads 1.0", "heap free again true")
                    .anySatisfy(l -> assertThat(l).startsWith("errors [reload failed: out of memory; "));
        }
    }

    /** {@code files} files of {@code megabytes} MB each, one article of about 1 MB a line. */
    private static void writeBigFiles(Path folder, int files, int megabytes) throws IOException {
        String body = "The council debated the budget for another long hour. ".repeat(18_000);
        for (int f = 0; f < files; f++) {
            try (BufferedWriter writer = Files.newBufferedWriter(folder.resolve("big-" + f + ".jsonl"))) {
                for (int a = 0; a < megabytes; a++) {
                    writer.write("{\"id\": \"big-" + f + "-" + a + "\", \"title\": \"Budget " + a + "\", \"body\": \""
                            + body + f + "-" + a + "\"}\n");
                }
            }
        }
    }
}
