package dev.newsbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SetIndexerTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
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
        assertThat(one.passages()).isEqualTo(expected);
        assertThat(two.passages()).isEqualTo(expected);
        for (int row = 0; row < two.size(); row++) {
            assertThat(two.article(row).id()).isEqualTo(two.passage(row).articleId());
            assertThat(two.vector(row)).containsExactly(one.vector(row));
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
}
