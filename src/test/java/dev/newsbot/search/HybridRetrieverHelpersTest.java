package dev.newsbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.Scored;
import dev.newsbot.index.StoreUnavailableException;
import dev.newsbot.index.TestSets;
import dev.newsbot.index.embedding.HashingEmbedder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two searches side by side give the very passages both searches in turn give. */
class HybridRetrieverHelpersTest {

    private static final List<String> QUESTIONS = List.of("How many people were killed in the earthquake?",
            "What did The Verge report?", "Who won the cup final?", "earthquake coastal city killed injured");

    private final IndexedSet index = TestSets.index("news", TestSets.news());
    private final HashingEmbedder embedder = new HashingEmbedder();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-helper"));

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private List<RetrievedPassage> retrieve(HybridRetriever retriever, PassageStore store, String question) {
        return retriever.retrieve(store, new RetrievalQuery(question, embedder.embed(question),
                LocalDate.of(2022, 6, 15), 10));
    }

    @Test
    void should_run_the_two_searches_side_by_side_and_give_the_same_passages_as_in_turn() {
        HybridRetriever inTurn = new HybridRetriever();
        HybridRetriever helped = new HybridRetriever(pool);

        for (String question : QUESTIONS) {
            Watched store = new Watched(index, false);
            store.denseWaitsForKeyword = true;

            assertThat(retrieve(helped, store, question)).isEqualTo(retrieve(inTurn, index, question)).isNotEmpty();

            assertThat(store.denseSawKeywordStart).isTrue();
            assertThat(store.denseThreads).doesNotContainAnyElementsOf(store.keywordThreads);
            assertThat(List.of(store.denseThreads.peek(), store.keywordThreads.peek())).contains("test-helper");
        }
    }

    @Test
    void should_run_the_keyword_search_itself_when_the_helpers_never_start_it() {
        Watched store = new Watched(index, false);
        HybridRetriever idle = new HybridRetriever(task -> { });

        assertThat(retrieve(idle, store, QUESTIONS.get(0)))
                .isEqualTo(retrieve(new HybridRetriever(), index, QUESTIONS.get(0)));
        assertThat(store.keywordThreads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void should_run_the_keyword_search_itself_when_the_helpers_are_stopped() {
        pool.shutdown();
        HybridRetriever stopped = new HybridRetriever(pool);

        assertThat(retrieve(stopped, index, QUESTIONS.get(0)))
                .isEqualTo(retrieve(new HybridRetriever(), index, QUESTIONS.get(0)));
    }

    @Test
    void should_throw_the_keyword_search_failure_as_it_was() {
        HybridRetriever helped = new HybridRetriever(pool);

        assertThatThrownBy(() -> retrieve(helped, new Watched(index, true), QUESTIONS.get(0)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("keyword index down");
    }

    /** A store that notes which threads ran its searches, can fail its keyword search or hold its dense search. */
    private static final class Watched implements PassageStore {

        final ConcurrentLinkedQueue<String> keywordThreads = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> denseThreads = new ConcurrentLinkedQueue<>();
        final CountDownLatch keywordStarted = new CountDownLatch(1);
        volatile boolean denseWaitsForKeyword;
        volatile boolean denseSawKeywordStart;
        private final PassageStore store;
        private final boolean failKeyword;

        Watched(PassageStore store, boolean failKeyword) {
            this.store = store;
            this.failKeyword = failKeyword;
        }

        @Override
        public List<Scored> keyword(String text, int k, LocalDate notAfter) {
            keywordThreads.add(Thread.currentThread().getName());
            keywordStarted.countDown();
            if (failKeyword) {
                throw new StoreUnavailableException("keyword index down");
            }
            return store.keyword(text, k, notAfter);
        }

        @Override
        public ArticleSet articleSet() {
            return store.articleSet();
        }

        @Override
        public Optional<LocalDate> newestOnOrBefore(LocalDate day) {
            return store.newestOnOrBefore(day);
        }

        @Override
        public Set<String> outlets() {
            return store.outlets();
        }

        @Override
        public int size() {
            return store.size();
        }

        @Override
        public Passage passage(int row) {
            return store.passage(row);
        }

        @Override
        public Article article(int row) {
            return store.article(row);
        }

        @Override
        public float[] vector(int row) {
            return store.vector(row);
        }

        @Override
        public float similarity(float[] query, int row) {
            return store.similarity(query, row);
        }

        @Override
        public List<Scored> dense(float[] query, int k, LocalDate notAfter) {
            denseThreads.add(Thread.currentThread().getName());
            if (denseWaitsForKeyword) {
                try {
                    denseSawKeywordStart = keywordStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return store.dense(query, k, notAfter);
        }

        @Override
        public double idf(String term) {
            return store.idf(term);
        }

        @Override
        public double maxIdf() {
            return store.maxIdf();
        }
    }
}
