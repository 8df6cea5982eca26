package dev.newsbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsbot.articles.Article;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TestSets;
import dev.newsbot.index.embedding.HashingEmbedder;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HybridRetrieverTest {

    private final IndexedSet store = TestSets.index("news", TestSets.news());
    private final HashingEmbedder embedder = new HashingEmbedder();
    private final HybridRetriever retriever = new HybridRetriever();

    private List<RetrievedPassage> retrieve(String question, LocalDate notAfter) {
        return retriever.retrieve(store, new RetrievalQuery(question, embedder.embed(question), notAfter, 10));
    }

    @Test
    void should_rank_the_article_that_holds_the_words_first() {
        List<RetrievedPassage> hits = retrieve("How many people were killed in the earthquake?", null);

        assertThat(hits.get(0).article().id()).isEqualTo("quake");
        assertThat(hits.get(0).keywordRank()).isEqualTo(1);
    }

    @Test
    void should_find_an_outlet_name_by_keyword() {
        List<RetrievedPassage> hits = retrieve("What did The Verge report?", null);

        assertThat(hits.get(0).article().source()).isEqualTo("The Verge");
    }

    @Test
    void should_never_return_articles_published_after_the_question_date() {
        List<RetrievedPassage> hits = retrieve("Who won the cup final?", LocalDate.of(2022, 6, 15));

        assertThat(hits).extracting(h -> h.article().id()).doesNotContain("final").isNotEmpty();
    }

    @Test
    void should_fuse_ranks_so_that_a_passage_found_by_both_lists_outranks_one_found_by_one() {
        List<RetrievedPassage> hits = retrieve("earthquake coastal city killed injured", null);

        RetrievedPassage top = hits.get(0);
        assertThat(top.denseRank()).isPositive();
        assertThat(top.keywordRank()).isPositive();
        assertThat(top.score()).isEqualTo(1.0 / (60 + top.denseRank()) + 1.0 / (60 + top.keywordRank()));
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    @Test
    void should_prefer_the_article_published_just_before_a_question_about_this_week() {
        List<RetrievedPassage> hits = retrieveTwins("Which automaker recalled vehicles this week?",
                LocalDate.of(2022, 6, 16), "Automaker recalls vehicles", "The automaker recalled vehicles over a faulty brake.",
                List.of("old", "CNN", "2022-01-10"), List.of("new", "CNN", "2022-06-14"));

        assertThat(hits.get(0).article().id()).isEqualTo("new");
    }

    @Test
    void should_prefer_the_outlet_a_question_names() {
        List<RetrievedPassage> hits = retrieveTwins("What does The Verge say about Google's search deals?", null,
                "Search deals", "Google pays for default search deals.",
                List.of("a", "TechCrunch", "2023-11-01"), List.of("b", "The Verge", "2023-11-01"));

        assertThat(hits.get(0).article().source()).isEqualTo("The Verge");
    }

    @Test
    void should_weigh_a_named_publication_day_as_a_first_place_in_one_list() {
        String q = "What did the TechCrunch report published on October 2, 2023 say about the fraud trial?";
        LocalDate asked = LocalDate.of(2023, 12, 31);

        List<RetrievedPassage> hits = retrieveTwins(q, asked, "Trial begins", "The fraud trial begins in New York.",
                List.of("other", "TechCrunch", "2023-10-20"), List.of("named", "TechCrunch", "2023-10-02"));

        assertThat(hits.get(0).article().id()).isEqualTo("named");
        QueryCues cues = QueryCues.of(q, java.util.Set.of("TechCrunch"), asked);
        double named = retriever.prior(hits.get(0).article(), cues, null);
        double other = retriever.prior(hits.get(1).article(), cues, null);
        assertThat(named - other).isCloseTo(RetrievalWeights.DEFAULT.top(), within(1e-12));
    }

    /**
     * Retrieves from two articles with the same title and body that differ only in id, outlet and day (each given
     * as {@code [id, outlet, day]}), so that only the news priors can tell them apart.
     */
    private List<RetrievedPassage> retrieveTwins(String question, LocalDate asked, String title, String body,
                                                 List<String> first, List<String> second) {
        IndexedSet twins = TestSets.index("twins", List.of(
                TestSets.article(first.get(0), title, first.get(1), first.get(2), body),
                TestSets.article(second.get(0), title, second.get(1), second.get(2), body)));
        return retriever.retrieve(twins, new RetrievalQuery(question, embedder.embed(question), asked, 10));
    }

    @Test
    void should_give_each_outlet_a_question_compares_an_article_among_the_first_eight() {
        List<Article> articles = new java.util.ArrayList<>(IntStream.range(0, 12).mapToObj(i -> TestSets.article(
                "tc" + i, "Google antitrust trial day " + i, "TechCrunch", "2023-11-01",
                "Google antitrust trial: the search deals and default search engine payments, day " + i + "."))
                .toList());
        articles.add(TestSets.article("verge", "Epic wins", "The Verge", "2023-11-01", "Epic beat a rival in court."));
        articles.add(TestSets.article("age", "Weather", "The Age", "2023-11-01", "Sydney was mild today."));
        IndexedSet set = TestSets.index("outlets", articles);
        String q = "Does TechCrunch describe the Google antitrust trial and search deals like The Verge and The Age do?";

        List<String> ids = retriever.retrieve(set, new RetrievalQuery(q, embedder.embed(q), null, 12)).stream()
                .map(h -> h.article().id()).distinct().toList();

        assertThat(ids.subList(0, 9)).contains("verge", "age");
        assertThat(ids.subList(0, 7)).allMatch(id -> id.startsWith("tc"));
    }

    @Test
    void should_lift_articles_on_the_name_a_many_part_question_is_about_without_saying_it() {
        IndexedSet set = TestSets.index("bridge", List.of(
                TestSets.article("a1", "Fraud trial begins in New York", "TechCrunch", "2023-10-03",
                        "Sam Bankman-Fried's fraud trial began in New York on Tuesday."),
                TestSets.article("a2", "Fraud trial opens", "The Verge", "2023-10-03",
                        "The fraud trial of Sam Bankman-Fried opened in New York."),
                TestSets.article("a3", "Fraud trial in New York: day one", "TechCrunch", "2023-10-03",
                        "The individual on trial for fraud in New York is Sam Bankman-Fried."),
                TestSets.article("landlord", "Landlord on trial", "The Verge", "2023-10-03",
                        "A landlord's fraud trial began in Boston."),
                TestSets.article("parents", "In court", "The Verge", "2023-10-03",
                        "Bankman-Fried's parents sat in the courtroom.")));
        String q = "Who is the individual whose fraud trial began in New York, as reported by TechCrunch and The Verge?";

        List<String> ids = retriever.retrieve(set, new RetrievalQuery(q, embedder.embed(q), null, 10)).stream()
                .map(h -> h.article().id()).distinct().toList();

        assertThat(ids.indexOf("parents")).isLessThan(ids.indexOf("landlord"));
    }

    @Test
    void should_rank_at_most_two_passages_of_one_article_before_the_others_and_add_more_of_the_best_one_after() {
        String body = IntStream.range(0, 80).mapToObj(i -> "The storm flooded street number " + i + " overnight.")
                .collect(Collectors.joining(" "));
        IndexedSet big = TestSets.index("big", List.of(
                TestSets.article("storm", "Storm floods streets", "AP", "2022-01-01", body),
                TestSets.article("other", "Storm season forecast", "AP", "2022-01-02", "Forecasters expect a storm.")));
        String q = "storm flooded street";

        List<RetrievedPassage> hits = retriever.retrieve(big, new RetrievalQuery(q, embedder.embed(q), null, 10));

        List<String> ids = hits.stream().map(h -> h.article().id()).toList();
        int other = ids.indexOf("other");
        assertThat(other).isBetween(0, 2);
        assertThat(ids.subList(0, other + 1).stream().filter("storm"::equals).count()).isLessThanOrEqualTo(2);
        assertThat(ids.subList(other + 1, ids.size())).containsOnly("storm").hasSizeBetween(1, 4);
    }
}
