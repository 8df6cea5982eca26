package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.OpenSearchNode;
import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Question;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.UrlSlugs;
import dev.newsbot.opensearch.OpenSearchCluster;
import dev.newsbot.opensearch.OpenSearchSets;
import dev.newsbot.opensearch.OpenSearchSettings;
import dev.newsbot.opensearch.SetIndexes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code search.engine: opensearch}, a reload writes the new version to its own index and moves the alias while
 * questions keep coming: none fails, each is answered wholly from one version, and a build that fails leaves the
 * alias where it was.
 */
class OpenSearchReloadIT {

    private static final int ARTICLES = 300;
    private static final int ASKERS = 3;

    @TempDir
    Path dir;
    private OpenSearchCluster cluster;
    private OpenSearchSets publisher;
    private final List<OpenSearchCluster> others = new java.util.ArrayList<>();

    @BeforeEach
    void connect() {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        cluster = OpenSearchCluster.connect(new OpenSearchSettings(List.of(OpenSearchNode.require()), prefix, 1, 0,
                OpenSearchSettings.DEFAULT_TIMEOUT), Optional.empty());
        publisher = new OpenSearchSets(cluster, TextAnalyzer.stopWords(), 64, UrlSlugs::heading, new TextAnalyzer(),
                IndexedSet.SOURCE_BOOST);
    }

    @AfterEach
    void clean() {
        new SetIndexes(cluster).drop("news");
        cluster.close();
        for (OpenSearchCluster other : others) {
            new SetIndexes(other).drop("news");
            other.close();
        }
    }

    @Test
    void should_answer_every_question_from_one_whole_version_during_a_reload() throws Exception {
        TestBot bot = new TestBot(1);
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(ARTICLES, 0));
        SetManager manager = bot.manager(publisher, new SetSource("news", List.of(file), null));
        manager.loadAll();
        String first = ArticleSet.of("news", TestBot.towns(ARTICLES, 0)).version();
        String second = ArticleSet.of("news", TestBot.towns(ARTICLES, 1)).version();
        Askers askers = new Askers(bot.engine, ASKERS, ARTICLES);

        Thread.sleep(500);
        TestBot.writeJsonl(file, TestBot.towns(ARTICLES, 1));
        ReloadReport report = manager.reload("news");
        Thread.sleep(500);
        assertThat(askers.stop()).isTrue();
        List<Answer> asked = askers.asked.stream().map(Askers.Asked::answer).toList();

        assertThat(askers.failures).isEmpty();
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(asked).extracting(a -> a.set().version()).contains(first, second);
        for (Answer answer : asked) {
            int edition = answer.set().version().equals(first) ? 0 : 1;
            answer.retrieved().forEach(p -> assertThat(p.article()).isEqualTo(town(p.article().id(), edition)));
        }
        assertThat(asked).anyMatch(a -> !a.refused());
        SetIndexes indexes = new SetIndexes(cluster);
        String served = cluster.settings().index("news", second);
        assertThat(indexes.served("news")).contains(served);
        assertThat(indexes.versions("news")).as("the version replaced is kept until the next reload")
                .containsExactlyInAnyOrder(served, cluster.settings().index("news", first));
        System.out.printf("opensearch reload under load: %d questions, reload %.2f s%n", asked.size(),
                report.seconds());
    }

    @Test
    void should_keep_the_alias_on_the_served_version_when_a_reload_cannot_be_written() {
        TestBot bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        SetManager manager = bot.manager(publisher, new SetSource("news", List.of(file), null));
        manager.loadAll();
        String served = cluster.settings().index("news", ArticleSet.of("news", TestBot.towns(20, 0)).version());
        OpenSearchSets wrongDimension = new OpenSearchSets(cluster, TextAnalyzer.stopWords(), 32, UrlSlugs::heading,
                new TextAnalyzer(), IndexedSet.SOURCE_BOOST);
        SetManager failing = bot.manager(wrongDimension, new SetSource("news", List.of(file), null));

        TestBot.writeJsonl(file, TestBot.towns(20, 1));
        ReloadReport report = failing.reload("news");

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("refused"));
        assertThat(new SetIndexes(cluster).served("news")).contains(served);
        assertThat(new SetIndexes(cluster).versions("news")).containsExactly(served);
        assertThat(bot.engine.answer(Question.of("How many new schools did the mayor of Town3 open?", TestBot.DAY,
                "news")).set().version()).isEqualTo(ArticleSet.of("news", TestBot.towns(20, 0)).version());
    }

    /** Regression: a start that served the index made from the same files registered it without publishing it. */
    @Test
    void should_publish_a_version_restored_from_its_index_without_reading_the_files() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        SetSource source = new SetSource("news", List.of(file), dir.resolve("news.jsonl.newsbot-index"));
        new TestBot().manager(source).loadAll();
        TestBot restarted = new TestBot();

        ReloadReport report = restarted.manager(publisher, source).reload("news");

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(restarted.loader.loads()).as("served from the index, files not read").isZero();
        assertThat(new SetIndexes(cluster).served("news"))
                .contains(cluster.settings().index("news", report.version()));
        assertThat(restarted.engine.answer(Question.of("How many new schools did the mayor of Town3 open?",
                TestBot.DAY, "news")).refused()).isFalse();
    }

    /**
     * A replica that has no index of the set (none on disk, nothing served) reloads an edited file: the passages and
     * vectors of the unchanged articles come back from the version the cluster serves, only the changed and new
     * articles are embedded, and every vector and answer is the one a build from scratch gives.
     */
    @Test
    void should_embed_only_changed_articles_reusing_the_vectors_the_cluster_serves() {
        List<Article> first = TestBot.towns(40, 0);
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), first);
        SetSource source = new SetSource("news", List.of(file), null);
        TestBot writer = new TestBot();
        writer.manager(publisher, source).loadAll();
        assertThat(writer.hashing.calls()).as("the first version is embedded whole").isPositive();
        List<Article> edited = new java.util.ArrayList<>(first);
        edited.set(3, TestBot.town(3, 1));
        edited.set(7, TestBot.town(7, 1));
        edited.add(TestBot.town(40, 0));
        TestBot.writeJsonl(file, edited);
        TestBot replica = new TestBot();

        ReloadReport report = replica.manager(publisher, source).reload("news");

        int fresh = passages(replica, edited.get(3)) + passages(replica, edited.get(7)) + passages(replica,
                edited.get(40));
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.embedded()).as("only the two changed articles and the new one").isEqualTo(fresh);
        assertThat(replica.hashing.calls()).as("model calls").isEqualTo(fresh);
        assertThat(report.passages()).isGreaterThan(fresh);
        TestBot scratch = new TestBot();
        OpenSearchSets elsewhere = new OpenSearchSets(otherPrefix(), TextAnalyzer.stopWords(), 64, UrlSlugs::heading,
                new TextAnalyzer(), IndexedSet.SOURCE_BOOST);
        scratch.manager(elsewhere, source).loadAll();
        assertThat(scratch.hashing.calls()).as("from scratch, every passage is embedded")
                .isEqualTo(report.passages());
        PassageStore reused = replica.registry.get("news");
        PassageStore built = scratch.registry.get("news");
        assertThat(reused.articleSet().version()).isEqualTo(built.articleSet().version());
        for (int row = 0; row < built.size(); row++) {
            assertThat(reused.passage(row)).isEqualTo(built.passage(row));
            assertThat(reused.vector(row)).as("vector of row %d", row).containsExactly(built.vector(row));
        }
        for (int k : List.of(0, 3, 7, 12, 40)) {
            Question question = Question.of("How many new schools did the mayor of Town" + k + " open?",
                    TestBot.DAY, "news");
            Answer a = replica.engine.answer(question);
            Answer b = scratch.engine.answer(question);
            assertThat(a.refused()).as("Town%d", k).isFalse();
            assertThat(a.text()).isEqualTo(b.text());
            assertThat(a.retrieved()).isEqualTo(b.retrieved());
        }
    }

    /** The bulk writes overlap the embedding: the new index fills while the model still works on the set. */
    @Test
    void should_write_the_new_version_to_its_index_while_it_is_embedded() throws Exception {
        TestBot bot = new TestBot(4);
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(50, 0));
        SetManager manager = bot.manager(publisher, new SetSource("news", List.of(file), null));
        manager.loadAll();
        String first = cluster.settings().index("news", ArticleSet.of("news", TestBot.towns(50, 0)).version());
        List<Article> next = TestBot.towns(1200, 1);
        String second = cluster.settings().index("news", ArticleSet.of("news", next).version());
        TestBot.writeJsonl(file, next);
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();

        java.util.concurrent.CompletableFuture<ReloadReport> reload = manager.reloadAsync("news", thread);
        long indexedWhileEmbedding = 0;
        while (!reload.isDone()) {
            long indexed = indexed(second);
            if (bot.hashing.calls() < 50 + 1200) {
                indexedWhileEmbedding = Math.max(indexedWhileEmbedding, indexed);
            }
            Thread.sleep(50);
        }
        ReloadReport report = reload.get();
        thread.shutdown();

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.embedded()).isEqualTo(1200);
        assertThat(indexedWhileEmbedding).as("documents in the new index while the model still embedded the set")
                .isPositive();
        assertThat(new SetIndexes(cluster).served("news")).contains(second);
        assertThat(new SetIndexes(cluster).versions("news")).containsExactlyInAnyOrder(first, second);
    }

    /** Documents the index has taken in, searchable or not yet (its refresh interval is off while it is written). */
    private static long indexed(String index) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(OpenSearchNode.require().resolve("/" + index + "/_stats/indexing"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return 0;
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("_all")
                .path("primaries").path("indexing").path("index_total").asLong();
    }

    @Test
    void should_embed_every_article_again_when_the_served_version_was_split_otherwise() {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(20, 0));
        SetSource source = new SetSource("news", List.of(file), null);
        new TestBot().manager(publisher, source).loadAll();
        TestBot.writeJsonl(file, TestBot.towns(21, 0));
        TestBot otherSplitter = new TestBot(null, 60);

        ReloadReport report = otherSplitter.manager(publisher, source).reload("news");

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.embedded()).as("nothing reused across splitter settings").isEqualTo(report.passages());
        assertThat(otherSplitter.hashing.calls()).isEqualTo(report.passages());
    }

    private OpenSearchCluster otherPrefix() {
        OpenSearchCluster other = OpenSearchCluster.connect(new OpenSearchSettings(List.of(OpenSearchNode.require()),
                cluster.settings().indexPrefix() + "scratch-", 1, 0, OpenSearchSettings.DEFAULT_TIMEOUT),
                Optional.empty());
        others.add(other);
        return other;
    }

    private static int passages(TestBot bot, Article article) {
        return bot.indexer.splitter().split(article).size();
    }

    private static Article town(String id, int edition) {
        return TestBot.town(Integer.parseInt(id.substring("town-".length())), edition);
    }
}
