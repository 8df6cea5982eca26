package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TestSets;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.search.HybridRetriever;
import dev.newsbot.search.RetrievalQuery;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answerability features the answerer measures, on a small real index. */
class EvidenceTest {

    private static final LocalDate DAY = LocalDate.of(2022, 6, 30);
    private final IndexedSet store = TestSets.index("news", TestSets.news());
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(new TextAnalyzer(), 3, 0.0);

    private Map<String, Double> evidence(String question, LocalDate asked) {
        Draft draft = answerer.write(Question.of(question, asked, "news"), store, new HybridRetriever().retrieve(store,
                new RetrievalQuery(question, new HashingEmbedder().embed(question), asked, 10)));
        return draft.evidence();
    }

    @Test
    void measuresEveryNamedFeatureWithinItsRange() {
        Map<String, Double> f = evidence("How many people were killed in the Port Elma earthquake?", DAY);

        assertThat(f.keySet()).containsExactlyElementsOf(Answerability.measuredFeatures());
        assertThat(f.values()).allSatisfy(v -> assertThat(v).isBetween(-1.0, 1.0));
        assertThat(f.get("name_coverage")).isEqualTo(1.0);
        assertThat(f.get("unknown_name")).isEqualTo(0.0);
        assertThat(f.get("many_parts")).isEqualTo(0.0);
        assertThat(f.get("sentence_coverage")).isGreaterThan(0.5);
    }

    @Test
    void marksANameNoArticleHoldsAndAManyPartQuestion() {
        assertThat(evidence("How many people died in the Garissa university attack?", DAY).get("unknown_name"))
                .isEqualTo(1.0);
        assertThat(evidence("Which company, as reported by the AP, was fined, and which team won the final?", DAY)
                .get("many_parts")).isEqualTo(1.0);
    }

    @Test
    void countsTheBestArticleAsStaleWhenItLiesWeeksBeforeTheAskedTime() {
        Map<String, Double> f = evidence("How many people were killed in the Port Elma earthquake in the week before"
                + " December 20, 2022?", LocalDate.of(2023, 1, 15));

        assertThat(f.get("stale")).isGreaterThan(0.9);
        assertThat(evidence("How many people were killed in the Port Elma earthquake?", DAY).get("stale"))
                .isEqualTo(0.0);
    }

    @Test
    void countsAQuestionAskedWeeksAfterTheNewestArticleAsLateButNotOneAskedOfAnArchive() {
        LocalDate newest = store.articleSet().newest().orElseThrow();
        String question = "How many people were killed in the Port Elma earthquake?";

        assertThat(evidence(question, newest.plusDays(3)).get("late")).isEqualTo(0.0);
        assertThat(evidence(question, newest.plusDays(37)).get("late")).isCloseTo(0.5, within(1e-9));
        assertThat(evidence(question, newest.plusDays(200)).get("late")).isEqualTo(1.0);
        assertThat(evidence(question, newest.plusYears(3)).get("late")).isEqualTo(0.0);
    }

    @Test
    void measuresTheFirstArticlesAgeAtTheTimeTheQuestionAsksAbout() {
        String question = "How many people were killed in the Port Elma earthquake";
        LocalDate newest = store.articleSet().newest().orElseThrow();
        double now = evidence(question + "?", newest).get("best_age");
        double later = evidence(question + "?", newest.plusDays(200)).get("best_age");
        double named = evidence(question + " in the week before " + newest.getMonth() + " " + newest.getDayOfMonth()
                + ", " + newest.getYear() + "?", newest.plusDays(200)).get("best_age");
        double archive = evidence(question + "?", newest.plusYears(5)).get("best_age");

        assertThat(later).isGreaterThan(now + 0.2);
        assertThat(named).isLessThanOrEqualTo(now + 0.01);
        assertThat(archive).isCloseTo(now, within(1e-9));
    }

    @Test
    void weighsMoreEvidenceIntoAHigherProbability() {
        Answerability model = Answerability.bundled();
        Map<String, Double> strong = evidence("How many people were killed in the Port Elma earthquake?", DAY);
        Map<String, Double> weak = evidence("What colour are the new trams in Lisbon?", DAY);

        assertThat(model.probability(strong)).isGreaterThan(model.probability(weak));
    }
}
