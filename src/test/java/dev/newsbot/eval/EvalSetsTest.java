package dev.newsbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads the two real question files and scores ideal and failing bots on them. Skipped when the shared eval
 * folder is not at {@code /work/shared/eval} or beside the project at {@code ../shared/eval}.
 */
class EvalSetsTest {

    @Test
    void should_load_the_multihop_set_with_its_types() {
        List<EvalQuestion> questions = QuestionLoader.load(questionFile("mhr500"));

        assertThat(questions).hasSize(500);
        assertThat(countByType(questions)).containsExactlyInAnyOrderEntriesOf(
                Map.of("inference", 161L, "comparison", 154L, "temporal", 114L, "null", 71L));
        assertThat(questions).filteredOn(q -> !q.answerable()).allMatch(q -> q.type().equals("null"))
                .hasSize(71);
        assertThat(questions).filteredOn(EvalQuestion::answerable)
                .allMatch(q -> !q.goldUrls().isEmpty() && !q.answers().isEmpty());
    }

    @Test
    void should_load_the_news_quiz_set() {
        List<EvalQuestion> questions = QuestionLoader.load(questionFile("rtqa2022"));

        assertThat(questions).hasSize(206).allMatch(q -> q.type().equals("news-quiz") && q.answerable()
                && !q.goldUrls().isEmpty() && q.answers().size() == 1 && !q.distractors().isEmpty());
        assertThat(questions.get(0).id()).isEqualTo("rt22-20220617_0");
    }

    @Test
    void should_give_an_ideal_bot_full_marks_on_both_sets() {
        for (String set : List.of("mhr500", "rtqa2022")) {
            List<Outcome> ideal = QuestionLoader.load(questionFile(set)).stream().map(EvalSetsTest::ideal)
                    .collect(Collectors.toList());

            EvalReport report = Metrics.compute(ideal);

            assertThat(Stream.of(report.docHitsAt1(), report.docMrrAt10(), report.docRecallAt10(),
                    report.answerAccuracy(), report.citationPrecision(), report.citationRecall()))
                    .as(set).containsOnly(1.0);
            assertThat(report.falseRefusalRate()).as(set).isEqualTo(0.0);
        }
    }

    @Test
    void should_score_a_bot_that_picks_distractors_or_refuses_as_wrong() {
        List<EvalQuestion> questions = QuestionLoader.load(questionFile("rtqa2022"));
        List<Outcome> distracted = questions.stream()
                .map(q -> new Outcome(q, q.goldUrls(), q.distractors().get(0) + " [1].", q.goldUrls(), false, 1))
                .collect(Collectors.toList());
        List<Outcome> refusing = questions.stream()
                .map(q -> new Outcome(q, q.goldUrls(), "The articles do not say.", List.of(), true, 1))
                .collect(Collectors.toList());

        assertThat(Metrics.compute(distracted).answerAccuracy()).isEqualTo(0.0);
        EvalReport refused = Metrics.compute(refusing);
        assertThat(refused.answerAccuracy()).isEqualTo(0.0);
        assertThat(refused.falseRefusalRate()).isEqualTo(1.0);
        assertThat(refused.refusalRate()).isNull();
    }

    private static Outcome ideal(EvalQuestion q) {
        return q.answerable()
                ? new Outcome(q, q.goldUrls(), q.answers().get(0) + " [1].", q.goldUrls(), false, 1)
                : new Outcome(q, List.of(), "The articles do not say.", List.of(), true, 1);
    }

    private static Map<String, Long> countByType(List<EvalQuestion> questions) {
        return questions.stream().collect(Collectors.groupingBy(EvalQuestion::type, Collectors.counting()));
    }

    private static Path questionFile(String set) {
        Path beside = Path.of(System.getProperty("user.dir")).resolve("../shared/eval").normalize();
        Path file = Stream.of(Path.of("/work/shared/eval"), beside)
                .map(dir -> dir.resolve(set).resolve("questions.jsonl")).filter(Files::isRegularFile).findFirst().orElse(null);
        assumeThat(file).as("shared/eval/" + set + "/questions.jsonl (absent: test skipped)").isNotNull();
        return file;
    }
}
