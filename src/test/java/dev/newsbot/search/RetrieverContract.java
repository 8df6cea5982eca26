package dev.newsbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TestSets;
import dev.newsbot.index.embedding.HashingEmbedder;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Retriever} promises, run by each implementation: at most the query's limit, best first, each
 * passage once and as the store holds it, and never an article published after the query's date.
 */
public abstract class RetrieverContract {

    protected final IndexedSet store = TestSets.index("news", TestSets.news());
    protected final HashingEmbedder embedder = new HashingEmbedder();

    /** The implementation under test, embedding questions with {@link #embedder} where it embeds them itself. */
    protected abstract Retriever retriever();

    private List<RetrievedPassage> retrieve(String question, LocalDate notAfter, int limit) {
        return retriever().retrieve(store, new RetrievalQuery(question, embedder.embed(question), notAfter, limit));
    }

    @Test
    void should_return_at_most_the_limit() {
        for (int limit : new int[] {1, 2, 50}) {
            assertThat(retrieve("Who scored the winning goal in the cup final?", null, limit))
                    .hasSizeLessThanOrEqualTo(limit).isNotEmpty();
        }
    }

    @Test
    void should_put_the_passage_that_answers_first() {
        List<RetrievedPassage> hits = retrieve("Who scored the winning goal for Rovers in the cup final?", null, 5);

        assertThat(hits.get(0).article().id()).isEqualTo("final");
    }

    @Test
    void should_rank_best_first() {
        List<RetrievedPassage> hits = retrieve("How many people were killed in the earthquake?", null, 10);

        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    @Test
    void should_return_each_passage_once_as_the_store_holds_it() {
        List<RetrievedPassage> hits = retrieve("budget council earthquake final", null, 50);

        Set<Integer> rows = new HashSet<>();
        for (RetrievedPassage hit : hits) {
            assertThat(rows.add(hit.row())).as("row %d returned twice", hit.row()).isTrue();
            assertThat(hit.passage()).isEqualTo(store.passage(hit.row()));
            assertThat(hit.article()).isEqualTo(store.article(hit.row()));
        }
    }

    @Test
    void should_never_return_an_article_published_after_the_question_date() {
        List<RetrievedPassage> hits = retrieve("Who scored the winning goal in the cup final?",
                LocalDate.of(2022, 6, 15), 50);

        assertThat(hits).isNotEmpty();
        assertThat(hits).allSatisfy(hit -> assertThat(hit.article().publishedDate().orElseThrow())
                .isBeforeOrEqualTo(LocalDate.of(2022, 6, 15)));
    }
}
