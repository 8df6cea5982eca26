package dev.newsbot.eval;

import static dev.newsbot.eval.Cases.answerable;
import static dev.newsbot.eval.Cases.answered;
import static dev.newsbot.eval.Cases.cited;
import static dev.newsbot.eval.Cases.ranked;
import static dev.newsbot.eval.Cases.refused;
import static dev.newsbot.eval.Cases.replied;
import static dev.newsbot.eval.Cases.timed;
import static dev.newsbot.eval.Cases.unanswerable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void should_score_retrieval_over_answerable_questions_only() {
        List<String> elevenWithGoldLast = IntStream.rangeClosed(1, 11).mapToObj(i -> i == 11 ? "y" : "n" + i)
                .collect(Collectors.toList());
        List<Outcome> outcomes = List.of(
                ranked(answerable("q1", List.of("a"), List.of()), List.of("a", "b", "c")),
                ranked(answerable("q2", List.of("b", "x"), List.of()), List.of("c", "d", "e", "b", "f")),
                ranked(answerable("q3", List.of("y"), List.of()), elevenWithGoldLast),
                ranked(unanswerable("q4", "t"), List.of("z")));

        EvalReport report = Metrics.compute(outcomes);

        assertThat(report.docHitsAt1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(report.docHitsAt4()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.docHitsAt10()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.docMrrAt10()).isCloseTo((1 + 0.25 + 0) / 3, within(1e-12));
        assertThat(report.docRecallAt10()).isCloseTo((1 + 0.5 + 0) / 3, within(1e-12));
    }

    @Test
    void should_rank_distinct_articles_and_ignore_url_fragments() {
        EvalQuestion question = answerable("q1", List.of("https://example.org/b#:~:text=x"), List.of());

        EvalReport report = Metrics.compute(List.of(ranked(question,
                List.of("https://example.org/a", "https://example.org/a", "https://example.org/b"))));

        assertThat(report.docHitsAt1()).isEqualTo(0.0);
        assertThat(report.docMrrAt10()).isEqualTo(0.5);
        assertThat(report.docRecallAt10()).isEqualTo(1.0);
    }

    @Test
    void should_count_an_answer_right_only_with_the_answer_and_no_distractor() {
        List<Outcome> outcomes = List.of(
                replied(answerable("q1", "t", List.of(), List.of("Europe"), List.of("Asia")), "Europe will [1]."),
                replied(answerable("q2", "t", List.of(), List.of("Europe"), List.of("Asia")), "Europe and Asia [1]."),
                replied(answerable("q3", List.of(), List.of("Yes")), "Yes, both say so [1]."),
                replied(answerable("q4", List.of(), List.of("no")), "I know no more [1]."),
                replied(answerable("q5", List.of(), List.of("59")), "It was in 1959 [1]."),
                refused(answerable("q6", List.of(), List.of("The articles do not say"))),
                replied(answerable("q7", List.of(), List.of()), "No answers to match [1]."),
                replied(unanswerable("q8", "t"), "Europe"));

        EvalReport report = Metrics.compute(outcomes);

        assertThat(report.answerAccuracy()).isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void should_judge_short_leads_apart_from_the_sentences_after_them() {
        List<Outcome> outcomes = List.of(
                replied(answerable("q1", "t", List.of(), List.of("Ford"), List.of("Kia")),
                        "Ford. [1] Ford recalled 112,000 vehicles over a roll-away risk. [1]"),
                replied(answerable("q2", "t", List.of(), List.of("Ford"), List.of("Kia")),
                        "Hyundai. [1] Ford recalled 112,000 vehicles over a roll-away risk. [1]"),
                replied(answerable("q3", "t", List.of(), List.of("Ford"), List.of("Kia")),
                        "Ford recalled 112,000 vehicles over a roll-away risk. [1]"),
                replied(answerable("q4", List.of(), List.of("Yes")), "Yes. [1] Both reports say so in full. [1]"),
                refused(answerable("q5", List.of(), List.of("Ford"))));

        EvalReport report = Metrics.compute(outcomes);

        assertThat(report.leadShare()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.leadPrecision()).isCloseTo(0.5, within(1e-12));
        assertThat(report.answerAccuracy()).isCloseTo(4.0 / 5, within(1e-12));
    }

    @Test
    void should_count_a_refused_answerable_question_as_wrong_and_as_a_false_refusal() {
        EvalQuestion question = answerable("q1", List.of("a"), List.of("refused"));
        Outcome refusal = new Outcome(question, List.of("a"), "I refused to answer.", List.of("a"), true, 5);

        EvalReport report = Metrics.compute(List.of(refusal));

        assertThat(report.answerAccuracy()).isEqualTo(0.0);
        assertThat(report.falseRefusalRate()).isEqualTo(1.0);
        assertThat(report.citationRecall()).isEqualTo(0.0);
        assertThat(report.citationPrecision()).isNull();
        assertThat(report.docHitsAt1()).isEqualTo(1.0);
    }

    @Test
    void should_average_citation_precision_over_citing_answers_and_recall_over_answerable_ones() {
        List<Outcome> outcomes = List.of(
                cited(answerable("q1", List.of("a", "b"), List.of()), List.of("a", "c")),
                cited(answerable("q2", List.of("a"), List.of()), List.of("a", "a")),
                cited(answerable("q3", List.of("a", "b"), List.of()), List.of()),
                refused(answerable("q4", List.of("a"), List.of())),
                cited(unanswerable("q5", "t"), List.of("z")));

        EvalReport report = Metrics.compute(outcomes);

        assertThat(report.citationPrecision()).isEqualTo((0.5 + 1) / 2);
        assertThat(report.citationRecall()).isEqualTo((0.5 + 1 + 0 + 0) / 4);
    }

    @Test
    void should_report_refusals_of_unanswerable_and_answerable_questions_apart() {
        List<Outcome> outcomes = List.of(
                refused(unanswerable("u1", "null")), answered(unanswerable("u2", "null")),
                refused(answerable("a1", List.of("a"), List.of("x"))),
                answered(answerable("a2", List.of("a"), List.of("x"))),
                answered(answerable("a3", List.of("a"), List.of("x"))));

        EvalReport report = Metrics.compute(outcomes);

        assertThat(report.questions()).isEqualTo(5);
        assertThat(report.answerable()).isEqualTo(3);
        assertThat(report.unanswerable()).isEqualTo(2);
        assertThat(report.refusalRate()).isEqualTo(0.5);
        assertThat(report.falseRefusalRate()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void should_take_latency_percentiles_by_nearest_rank() {
        List<Outcome> four = LongStream.of(30, 10, 20, 40)
                .mapToObj(ms -> timed(answerable("q" + ms, List.of(), List.of()), ms)).collect(Collectors.toList());
        List<Outcome> twoHundred = LongStream.rangeClosed(1, 200)
                .mapToObj(ms -> timed(answerable("q" + ms, List.of(), List.of()), ms)).collect(Collectors.toList());

        EvalReport small = Metrics.compute(four);
        EvalReport large = Metrics.compute(twoHundred);

        assertThat(small.latencyMsP50()).isEqualTo(20L);
        assertThat(small.latencyMsP99()).isEqualTo(40L);
        assertThat(large.latencyMsP50()).isEqualTo(100L);
        assertThat(large.latencyMsP99()).isEqualTo(198L);
    }

    @Test
    void should_report_null_for_every_figure_without_questions() {
        EvalReport report = Metrics.compute(List.of(), 1.5);

        assertThat(report.questions()).isZero();
        assertThat(Arrays.asList(report.docHitsAt1(), report.docHitsAt4(), report.docHitsAt10(), report.docMrrAt10(),
                report.docRecallAt10(), report.answerAccuracy(), report.citationPrecision(),
                report.citationRecall(), report.refusalRate(), report.falseRefusalRate()))
                .containsOnlyNulls();
        assertThat(report.latencyMsP50()).isNull();
        assertThat(report.latencyMsP99()).isNull();
        assertThat(report.indexSeconds()).isEqualTo(1.5);
        assertThat(report.byType()).isEmpty();
    }

    @Test
    void should_report_null_for_answerable_figures_when_all_questions_are_unanswerable() {
        EvalReport report = Metrics.compute(List.of(refused(unanswerable("u1", "null"))));

        assertThat(Arrays.asList(report.docHitsAt1(), report.docHitsAt4(), report.docHitsAt10(), report.docMrrAt10(),
                report.docRecallAt10(), report.answerAccuracy(), report.citationPrecision(),
                report.citationRecall(), report.falseRefusalRate()))
                .containsOnlyNulls();
        assertThat(report.refusalRate()).isEqualTo(1.0);
        assertThat(report.latencyMsP50()).isZero();
    }

    @Test
    void should_report_null_refusal_rate_without_unanswerable_questions() {
        EvalReport report = Metrics.compute(List.of(answered(answerable("a1", List.of("a"), List.of("x")))));

        assertThat(report.refusalRate()).isNull();
        assertThat(report.falseRefusalRate()).isEqualTo(0.0);
    }

    @Test
    void should_leave_questions_without_gold_urls_out_of_the_retrieval_figures() {
        List<Outcome> outcomes = List.of(
                ranked(answerable("q1", List.of("a"), List.of()), List.of("a")),
                ranked(answerable("q2", List.of(), List.of("x")), List.of("b")));

        EvalReport report = Metrics.compute(outcomes);

        assertThat(report.docHitsAt1()).isEqualTo(1.0);
        assertThat(report.citationRecall()).isEqualTo(0.0);
        assertThat(report.answerAccuracy()).isEqualTo(0.0);
    }

    @Test
    void should_split_the_figures_by_question_type() {
        List<Outcome> outcomes = List.of(
                ranked(answerable("c1", "comparison", List.of("a"), List.of(), List.of()), List.of("a")),
                ranked(answerable("c2", "comparison", List.of("a"), List.of(), List.of()), List.of("b")),
                ranked(answerable("t1", "temporal", List.of("a"), List.of(), List.of()), List.of("b", "a")),
                refused(unanswerable("n1", "null")));

        EvalReport report = Metrics.compute(outcomes, 12.5);

        assertThat(report.byType()).containsOnlyKeys("comparison", "null", "temporal");
        EvalReport comparison = report.byType().get("comparison");
        assertThat(comparison.questions()).isEqualTo(2);
        assertThat(comparison.docHitsAt1()).isEqualTo(0.5);
        assertThat(comparison.refusalRate()).isNull();
        assertThat(comparison.byType()).isNull();
        assertThat(comparison.indexSeconds()).isNull();
        assertThat(report.byType().get("temporal").docMrrAt10()).isEqualTo(0.5);
        EvalReport none = report.byType().get("null");
        assertThat(none.unanswerable()).isEqualTo(1);
        assertThat(none.refusalRate()).isEqualTo(1.0);
        assertThat(none.docHitsAt1()).isNull();
        assertThat(report.docHitsAt1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(report.indexSeconds()).isEqualTo(12.5);
    }
}
