package dev.newsbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.articles.Article;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TestSets;
import dev.newsbot.index.embedding.HashingEmbedder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetrievalWeightsTest {

    private final IndexedSet store = TestSets.index("long", List.of(longArticle("a", "Reuters"),
            longArticle("b", "BBC")));
    private final HashingEmbedder embedder = new HashingEmbedder();

    private static RetrievalWeights withMaxPerArticle(int max) {
        RetrievalWeights d = RetrievalWeights.DEFAULT;
        return new RetrievalWeights(d.rrfK(), d.candidates(), max, 0, d.recencyWeight(), d.recentCueWeight(),
                d.recencyDays(), d.windowWeight(), d.dayWeight(), d.outletWeight(), d.bridgeLeading(),
                d.bridgeMinArticles(), d.bridgeKeep(), d.bridgeWeight(), d.coverOutletsBy());
    }

    @Test
    void should_name_the_field_that_is_out_of_range() {
        assertThatThrownBy(() -> withMaxPerArticle(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RetrievalWeights.maxPerArticle must be at least 1, was 0");
        RetrievalWeights d = RetrievalWeights.DEFAULT;
        assertThatThrownBy(() -> new RetrievalWeights(d.rrfK(), d.candidates(), 2, 4, -0.1, 0.5, 7, 1, 1, 0.5, 5, 2, 3,
                1, 8)).hasMessage("RetrievalWeights.recencyWeight must not be negative, was -0.1");
        assertThatThrownBy(() -> new RetrievalWeights(d.rrfK(), d.candidates(), 2, 4, 0.3, 0.5, 0, 1, 1, 0.5, 5, 2, 3,
                1, 8)).hasMessage("RetrievalWeights.recencyDays must be above 0, was 0.0");
    }

    @Test
    void should_make_the_prior_unit_a_first_place_in_one_list() {
        assertThat(RetrievalWeights.DEFAULT.top()).isEqualTo(1.0 / 61);
    }

    @Test
    void should_retrieve_by_the_weights_it_is_given() {
        String question = "What did the rescue teams find after the earthquake?";
        RetrievalQuery query = new RetrievalQuery(question, embedder.embed(question), null, 10);

        Map<String, Long> one = perArticle(new HybridRetriever(withMaxPerArticle(1)).retrieve(store, query));
        Map<String, Long> two = perArticle(new HybridRetriever(withMaxPerArticle(2)).retrieve(store, query));

        assertThat(one.values()).containsOnly(1L);
        assertThat(two.values()).contains(2L).allMatch(n -> n <= 2);
    }

    /** An article long enough for several passages, each about the earthquake. */
    private static Article longArticle(String id, String outlet) {
        String body = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "Rescue teams searched street " + i
                + " after the earthquake and found survivors in building " + i + " of the old town, officials said.")
                .collect(Collectors.joining(" "));
        return TestSets.article(id, "Earthquake rescue " + id, outlet, "2022-06-10", body);
    }

    private static Map<String, Long> perArticle(List<RetrievedPassage> hits) {
        return hits.stream().map(h -> h.article().id()).collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
    }
}
