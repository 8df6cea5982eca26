package dev.newsbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.articles.Published;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetIndexerTest {

    private final HashingEmbedder embedder = new HashingEmbedder();
    private final SetIndexer indexer = new SetIndexer(embedder, new PassageSplitter(new TokenCounter(), 110),
            new TextAnalyzer());

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static List<Article> withBody(List<Article> articles, String id, String body) {
        List<Article> out = new ArrayList<>();
        for (Article a : articles) {
            out.add(a.id().equals(id) ? new Article(a.id(), a.title(), a.source(), a.url(), a.published(),
                    a.author(), body) : a);
        }
        return out;
    }

    @Test
    void should_embed_only_the_changed_article_and_reuse_the_others() {
        IndexedSet first = indexer.index(ArticleSet.of("news", TestSets.news()), SetIndexer.Progress.NONE);
        int callsBefore = embedder.calls();
        List<Article> edited = withBody(TestSets.news(), "budget", "The council rejected the budget on Monday.");

        IndexBuild build = indexer.index(ArticleSet.of("news", edited), PriorIndex.of(first),
                SetIndexer.Progress.NONE);

        assertThat(build.diff().changed()).containsExactly("budget");
        assertThat(build.diff().added()).isEmpty();
        assertThat(build.diff().removed()).isEmpty();
        assertThat(build.diff().embedded()).isEqualTo(1);
        assertThat(embedder.calls() - callsBefore).isEqualTo(1);
        assertThat(build.store().articleSet().version()).isNotEqualTo(first.articleSet().version());
    }

    @Test
    void should_build_the_same_index_as_from_scratch() {
        IndexedSet first = indexer.index(ArticleSet.of("news", TestSets.news()), SetIndexer.Progress.NONE);
        ArticleSet edited = ArticleSet.of("news", withBody(TestSets.news(), "quake", "Two aftershocks followed."));

        IndexedSet incremental = indexer.index(edited, PriorIndex.of(first), SetIndexer.Progress.NONE).store();
        IndexedSet scratch = indexer.index(edited, SetIndexer.Progress.NONE);

        assertThat(TestSets.passages(incremental)).isEqualTo(TestSets.passages(scratch));
        for (int row = 0; row < scratch.size(); row++) {
            assertThat(incremental.vector(row)).containsExactly(scratch.vector(row));
            assertThat(incremental.article(row)).isEqualTo(scratch.article(row));
        }
    }

    @Test
    void should_reuse_articles_read_from_outside_and_build_the_same_index_as_from_scratch() {
        IndexedSet first = indexer.index(ArticleSet.of("news", TestSets.news()), SetIndexer.Progress.NONE);
        ArticleSet edited = ArticleSet.of("news", withBody(TestSets.news(), "quake", "Two aftershocks followed."));
        int callsBefore = embedder.calls();

        IndexBuild build = indexer.index(edited, PriorIndex.of(readOut(first)), SetIndexer.Progress.NONE);

        IndexedSet scratch = indexer.index(edited, SetIndexer.Progress.NONE);
        assertThat(build.diff().changed()).containsExactly("quake");
        assertThat(build.diff().embedded()).isEqualTo(1);
        assertThat(embedder.calls() - callsBefore - scratch.size()).isEqualTo(1);
        assertThat(TestSets.passages(build.store())).isEqualTo(TestSets.passages(scratch));
        for (int row = 0; row < scratch.size(); row++) {
            assertThat(build.store().vector(row)).containsExactly(scratch.vector(row));
        }
    }

    @Test
    void should_refuse_an_article_read_from_outside_without_all_its_passages() {
        Passage second = new Passage("a", 1, List.of("Second."));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PriorArticle("h", List.of(second),
                List.of(new float[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PriorArticle.passages");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PriorIndex.of(java.util.Map.of("b",
                        new PriorArticle("h", List.of(new Passage("a", 0, List.of("First."))), List.of(new float[] {1})))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("are of article a");
    }

    /** The passages and vectors of every article of {@code store}, as an external engine gives them back. */
    private static java.util.Map<String, PriorArticle> readOut(IndexedSet store) {
        java.util.Map<String, List<Integer>> rows = new java.util.LinkedHashMap<>();
        for (int row = 0; row < store.size(); row++) {
            rows.computeIfAbsent(store.passage(row).articleId(), id -> new ArrayList<>()).add(row);
        }
        java.util.Map<String, PriorArticle> out = new java.util.HashMap<>();
        rows.forEach((id, own) -> out.put(id, new PriorArticle(ArticleSet.contentHash(store.article(own.get(0))),
                own.stream().map(store::passage).toList(), own.stream().map(store::vector).toList())));
        return out;
    }

    @Test
    void should_report_added_and_removed_articles() {
        IndexedSet first = indexer.index(ArticleSet.of("news", TestSets.news()), SetIndexer.Progress.NONE);
        List<Article> next = new ArrayList<>(TestSets.news().subList(1, 3));
        next.add(TestSets.article("storm", "Storm hits the coast", "AP", "2022-06-21", "A storm hit the coast."));
        int callsBefore = embedder.calls();

        IndexDiff diff = indexer.index(ArticleSet.of("news", next), PriorIndex.of(first), SetIndexer.Progress.NONE)
                .diff();

        assertThat(diff.added()).containsExactly("storm");
        assertThat(diff.removed()).containsExactly("quake");
        assertThat(diff.changed()).isEmpty();
        assertThat(embedder.calls() - callsBefore).isEqualTo(diff.embedded()).isEqualTo(1);
    }

    @Test
    void should_reuse_every_vector_of_an_index_on_disk_with_the_same_settings() {
        ArticleSet set = ArticleSet.of("news", TestSets.news());
        IndexDirectory target = IndexDirectory.at(dir.resolve("news.newsbot-index"));
        IndexedSet first = indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE, target).store();
        ArticleSet edited = ArticleSet.of("news", withBody(TestSets.news(), "quake", "Two aftershocks followed."));
        int callsBefore = embedder.calls();

        IndexBuild next;
        try (SetIndex onDisk = target.open(indexer.settings())) {
            next = indexer.index(edited, PriorIndex.of(onDisk), SetIndexer.Progress.NONE, target);
        }

        assertThat(next.diff().changed()).containsExactly("quake");
        assertThat(next.diff().reused()).isEqualTo(2);
        assertThat(embedder.calls() - callsBefore).isEqualTo(next.diff().embedded()).isEqualTo(1);
        int last = first.size() - 1;
        assertThat(next.store().vector(next.store().size() - 1)).containsExactly(first.vector(last));
        assertThat(next.store().passage(next.store().size() - 1)).isEqualTo(first.passage(last));
        try (SetIndex reopened = target.open(indexer.settings())) {
            assertThat(reopened.header().setVersion()).isEqualTo(edited.version());
            assertThat(indexer.serve(edited, reopened).passage(0)).isEqualTo(next.store().passage(0));
        }
    }

    @Test
    void should_count_every_article_as_added_without_a_prior_index() {
        IndexDiff diff = indexer.index(ArticleSet.of("news", TestSets.news()), PriorIndex.none(),
                SetIndexer.Progress.NONE).diff();

        assertThat(diff.added()).containsExactly("quake", "budget", "final");
        assertThat(diff.embedded()).isEqualTo(diff.passages());
    }

    private static ArticleSet manyArticles() {
        List<Article> articles = new ArrayList<>();
        for (int a = 0; a < 40; a++) {
            int n = a;
            String body = IntStream.range(0, 3 + a % 7)
                    .mapToObj(i -> "Article " + n + " sentence " + i + " says the council met on day " + i + ".")
                    .collect(Collectors.joining(" "));
            articles.add(TestSets.article("a" + a, "Council report " + a, "Wire", "2022-06-1" + a % 10, body));
        }
        return ArticleSet.of("many", articles);
    }

    @Test
    void should_split_in_parallel_into_the_same_passages_in_the_same_order() {
        ArticleSet set = manyArticles();
        PassageSplitter splitter = new PassageSplitter(new TokenCounter(), 60);
        SetIndexer serial = new SetIndexer(new HashingEmbedder(), splitter, new TextAnalyzer());
        SetIndexer parallel = new SetIndexer(new HashingEmbedder(), splitter, new TextAnalyzer(), pool, 2);

        IndexedSet one = serial.index(set, SetIndexer.Progress.NONE);
        IndexedSet two = parallel.index(set, SetIndexer.Progress.NONE);

        List<Passage> expected = set.articles().stream().flatMap(a -> splitter.split(a).stream()).toList();
        assertThat(TestSets.passages(one)).isEqualTo(expected);
        assertThat(TestSets.passages(two)).isEqualTo(expected);
        for (int row = 0; row < two.size(); row++) {
            assertThat(two.article(row).id()).isEqualTo(two.passage(row).articleId());
            assertThat(two.vector(row)).containsExactly(one.vector(row));
        }
    }

    @Test
    void should_split_only_the_changed_articles_in_parallel_and_keep_the_order() {
        ArticleSet set = manyArticles();
        PassageSplitter splitter = new PassageSplitter(new TokenCounter(), 60);
        SetIndexer serial = new SetIndexer(new HashingEmbedder(), splitter, new TextAnalyzer());
        SetIndexer parallel = new SetIndexer(new HashingEmbedder(), splitter, new TextAnalyzer(), pool, 2);
        IndexedSet first = serial.index(set, SetIndexer.Progress.NONE);
        List<Article> edited = new ArrayList<>(set.articles());
        edited.set(7, TestSets.article("a7", "Council report 7", "Wire", "2022-06-17", "The council met again."));
        edited.set(31, TestSets.article("a31", "Council report 31", "Wire", "2022-06-11", "No meeting was held."));

        IndexBuild one = serial.index(ArticleSet.of("many", edited), PriorIndex.of(first), SetIndexer.Progress.NONE);
        IndexBuild two = parallel.index(ArticleSet.of("many", edited), PriorIndex.of(first), SetIndexer.Progress.NONE);

        assertThat(two.diff().changed()).containsExactly("a7", "a31");
        assertThat(TestSets.passages(two.store())).isEqualTo(TestSets.passages(one.store()));
        for (int row = 0; row < two.store().size(); row++) {
            assertThat(two.store().vector(row)).containsExactly(one.store().vector(row));
        }
    }

    @Test
    void should_still_index_when_the_executor_is_shut_down() {
        pool.shutdownNow();
        SetIndexer indexer = new SetIndexer(new HashingEmbedder(), new PassageSplitter(new TokenCounter(), 60),
                new TextAnalyzer(), pool, 2);

        IndexedSet store = indexer.index(manyArticles(), SetIndexer.Progress.NONE);

        assertThat(store.size()).isGreaterThan(40);
    }

    @Test
    void should_restore_every_article_field_the_answers_show_from_an_index_on_disk() {
        List<Article> articles = new ArrayList<>(TestSets.news());
        articles.add(new Article("dated", "Storm reaches the coast", null, null,
                Published.parse("2022-06-21T17:01:22+02:00"), "Ana Ruiz", "The storm reached the coast at noon. "
                + "Ferries stopped. Schools closed early."));
        ArticleSet set = ArticleSet.of("news", articles);
        IndexDirectory target = IndexDirectory.at(dir.resolve("news.newsbot-index"));
        IndexedSet built = indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE, target, "f1").store();

        IndexedSet restored;
        try (SetIndex onDisk = target.open(indexer.settings())) {
            restored = indexer.restore("news", onDisk);
            assertThat(onDisk.header().sources()).isEqualTo("f1");
            assertThat(restored.articleSet().version()).isEqualTo(set.version());
            assertThat(restored.articleSet().articles()).extracting(Article::id)
                    .containsExactlyElementsOf(articles.stream().map(Article::id).toList());
            for (int row = 0; row < built.size(); row++) {
                Article was = built.article(row);
                Article now = restored.article(row);
                assertThat(List.of(String.valueOf(now.title()), String.valueOf(now.source()),
                        String.valueOf(now.url()), String.valueOf(now.published()), String.valueOf(now.author())))
                        .isEqualTo(List.of(String.valueOf(was.title()), String.valueOf(was.source()),
                                String.valueOf(was.url()), String.valueOf(was.published()),
                                String.valueOf(was.author())));
                assertThat(now.body()).isEqualTo(String.join(" ", restored.passage(
                        restored.index().articleRows().get(now.id()).rows()[0]).sentences()));
            }
            assertThat(restored.outlets()).isEqualTo(built.outlets());
            assertThat(restored.articleSet().newest()).isEqualTo(set.newest());
        }
    }
}
