package dev.newsbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.answer.Answerability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final List<String> FEATURES = List.of("coverage", "noise");

    /** Questions whose answerability depends on "coverage" through a known logistic model; "noise" says nothing. */
    private static List<Calibration.Row> rows(String set, int n, long seed) {
        Random random = new Random(seed);
        List<Calibration.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double coverage = random.nextDouble();
            double p = 1 / (1 + Math.exp(-(12 * coverage - 5)));
            rows.add(new Calibration.Row(set, random.nextDouble() < p,
                    Map.of("coverage", coverage, "noise", random.nextGaussian())));
        }
        return rows;
    }

    @Test
    void recoversTheSignAndSizeOfWhatMatters() {
        List<Calibration.Row> rows = new ArrayList<>(rows("a", 600, 1));
        rows.addAll(rows("b", 600, 2));

        Answerability model = Calibration.fit(rows, FEATURES);

        assertThat(model.weights().get(0)).isGreaterThan(2);
        assertThat(Math.abs(model.weights().get(1))).isLessThan(0.3);
        assertThat(model.probability(Map.of("coverage", 0.95, "noise", 0.0))).isGreaterThan(0.9);
        assertThat(model.probability(Map.of("coverage", 0.05, "noise", 0.0))).isLessThan(0.1);
    }

    @Test
    void keepsFalseRefusalsWithinTheBudgetOnTheFittingSets() {
        List<Calibration.Row> rows = new ArrayList<>(rows("a", 500, 3));
        rows.addAll(rows("b", 500, 4));

        Answerability model = Calibration.fit(rows, FEATURES);

        double a = Calibration.score(model, "a", rows.stream().filter(r -> r.set().equals("a")).toList()).falseRefusal();
        double b = Calibration.score(model, "b", rows.stream().filter(r -> r.set().equals("b")).toList()).falseRefusal();
        assertThat(Math.max(a, b)).isLessThanOrEqualTo(Calibration.FALSE_REFUSAL_BUDGET);
        assertThat(model.threshold()).isBetween(0.0, 1.0);
    }

    @Test
    void scoresEachSetWithAModelFittedOnTheOthers() {
        List<Calibration.Row> rows = new ArrayList<>(rows("a", 300, 5));
        rows.addAll(rows("b", 300, 6));
        rows.addAll(rows("c", 300, 7));

        List<Calibration.Scores> scores = Calibration.leaveOneSetOut(rows, FEATURES);

        assertThat(scores).extracting(Calibration.Scores::set).containsExactly("a", "b", "c");
        assertThat(scores).allSatisfy(s -> {
            assertThat(s.refusal()).isGreaterThan(0.5);
            assertThat(s.falseRefusal()).isLessThan(0.2);
        });
    }

    @Test
    void refusesToFitOnOneKindOfQuestionOnly() {
        List<Calibration.Row> answerable = rows("a", 100, 8).stream()
                .map(r -> new Calibration.Row("a", true, r.features())).toList();

        assertThatThrownBy(() -> Calibration.fit(answerable, FEATURES))
                .hasMessageContaining("[a]").hasMessageContaining("all answerable");
    }

    @Test
    void solvesALinearSystem() {
        double[] x = Calibration.solve(new double[][] {{4, 1}, {1, 3}}, new double[] {1, 2});
        assertThat(x[0]).isCloseTo(1.0 / 11, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(x[1]).isCloseTo(7.0 / 11, org.assertj.core.data.Offset.offset(1e-12));
    }
}
