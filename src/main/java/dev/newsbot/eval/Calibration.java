package dev.newsbot.eval;

import dev.newsbot.answer.Answerability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fits the {@link Answerability} model: L2-regularised logistic regression of "the articles answer this" on the
 * evidence features of evaluated questions, by Newton's method, then the refusal threshold. Validated leave one
 * set out: fitted on all QA sets but one and scored on the one left out, for each.
 */
public final class Calibration {

    /**
     * How strongly weights are pulled towards 0, in units of one question's log-likelihood: enough to keep a feature
     * that one set happens to separate from dominating, too little to flatten the ones all sets agree on.
     */
    public static final double L2 = 1.0;
    /**
     * The largest share of answerable questions the threshold may refuse on any one fitting set: a refusal of an
     * answerable question costs a reader an answer, but a confident wrong answer costs their trust, so the
     * threshold is the highest that keeps every set within this share (an average let one set absorb most of it).
     * 0.08 leaves room under a 10% bound for the questions the time rule declines before the model; a tighter
     * budget let the hardest answerable questions of one set pull the threshold down for all (measured effect:
     * docs/quality.md, "The refusal model").
     */
    public static final double FALSE_REFUSAL_BUDGET = 0.08;
    /** The intercept's own, light pull towards 0: it keeps the fit finite when one kind of question is rare. */
    static final double INTERCEPT_L2 = 0.01;
    private static final int ITERATIONS = 50;

    /**
     * One evaluated question.
     *
     * @param set        the QA set it came from
     * @param answerable whether its set marks it answerable
     * @param features   its evidence features, by name
     */
    public record Row(String set, boolean answerable, Map<String, Double> features) {
        public Row {
            Objects.requireNonNull(set, "Row.set must not be null");
            features = Map.copyOf(Objects.requireNonNull(features, "Row.features must not be null"));
        }
    }

    /**
     * Refusals on one set.
     *
     * @param set          the set
     * @param answerable   its answerable questions
     * @param unanswerable its unanswerable questions
     * @param refusal      share of unanswerable questions refused, or NaN without any
     * @param falseRefusal share of answerable questions refused, or NaN without any
     */
    public record Scores(String set, int answerable, int unanswerable, double refusal, double falseRefusal) {
    }

    private Calibration() {
    }

    /** The model fitted on {@code rows}, with the threshold chosen on them. */
    public static Answerability fit(List<Row> rows, List<String> features) {
        if (rows.stream().map(Row::answerable).distinct().count() < 2) {
            throw new IllegalArgumentException("the questions of " + sets(rows) + " are all "
                    + (rows.isEmpty() || rows.get(0).answerable() ? "answerable" : "unanswerable")
                    + ": fitting needs both kinds");
        }
        int d = features.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        standardisation(rows, features, mean, scale);
        double[][] x = new double[rows.size()][d + 1];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i][0] = 1;
            for (int j = 0; j < d; j++) {
                x[i][j + 1] = (value(rows.get(i), features.get(j)) - mean[j]) / scale[j];
            }
            y[i] = rows.get(i).answerable() ? 1 : 0;
        }
        double[] beta = newton(x, y);
        List<Double> weights = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            weights.add(beta[j + 1]);
        }
        Answerability unthresholded = new Answerability(features, list(mean), list(scale), weights, beta[0], 0,
                sets(rows));
        return unthresholded.withThreshold(threshold(unthresholded, rows));
    }

    /** For each set: the model fitted on the other sets, scored on it. */
    public static List<Scores> leaveOneSetOut(List<Row> rows, List<String> features) {
        List<Scores> scores = new ArrayList<>();
        for (String held : sets(rows)) {
            List<Row> fitting = rows.stream().filter(r -> !r.set().equals(held)).toList();
            List<Row> test = rows.stream().filter(r -> r.set().equals(held)).toList();
            scores.add(score(fit(fitting, features), held, test));
        }
        return scores;
    }

    /** Refusals of {@code model} on the questions of one set. */
    public static Scores score(Answerability model, String set, List<Row> rows) {
        int answerable = 0;
        int unanswerable = 0;
        int refused = 0;
        int falselyRefused = 0;
        for (Row r : rows) {
            boolean refuses = model.probability(r.features()) < model.threshold();
            if (r.answerable()) {
                answerable++;
                falselyRefused += refuses ? 1 : 0;
            } else {
                unanswerable++;
                refused += refuses ? 1 : 0;
            }
        }
        return new Scores(set, answerable, unanswerable, unanswerable == 0 ? Double.NaN : refused / (double) unanswerable,
                answerable == 0 ? Double.NaN : falselyRefused / (double) answerable);
    }

    /** The highest threshold whose false refusals stay within {@link #FALSE_REFUSAL_BUDGET} on every set. */
    static double threshold(Answerability model, List<Row> rows) {
        List<Double> candidates = rows.stream().filter(Row::answerable).map(r -> model.probability(r.features()))
                .sorted(Comparator.reverseOrder()).toList();
        for (double t : candidates) {
            if (worstFalseRefusal(model.withThreshold(t), rows) <= FALSE_REFUSAL_BUDGET) {
                return t;
            }
        }
        return 0;
    }

    private static double worstFalseRefusal(Answerability model, List<Row> rows) {
        return sets(rows).stream()
                .map(set -> score(model, set, rows.stream().filter(r -> r.set().equals(set)).toList()))
                .mapToDouble(Scores::falseRefusal).filter(v -> !Double.isNaN(v)).max().orElse(0);
    }

    private static List<String> sets(List<Row> rows) {
        Set<String> sets = new LinkedHashSet<>();
        rows.forEach(r -> sets.add(r.set()));
        return List.copyOf(sets);
    }

    private static double value(Row row, String feature) {
        Double v = row.features().get(feature);
        if (v == null || !Double.isFinite(v)) {
            throw new IllegalArgumentException("question of set " + row.set() + " has no value for feature " + feature);
        }
        return v;
    }

    private static void standardisation(List<Row> rows, List<String> features, double[] mean, double[] scale) {
        for (int j = 0; j < features.size(); j++) {
            String f = features.get(j);
            double m = rows.stream().mapToDouble(r -> value(r, f)).average().orElse(0);
            double var = rows.stream().mapToDouble(r -> Math.pow(value(r, f) - m, 2)).average().orElse(0);
            mean[j] = m;
            scale[j] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
    }

    /** Newton's method on the L2-penalised log-likelihood; the intercept is penalised only lightly. */
    private static double[] newton(double[][] x, double[] y) {
        int k = x[0].length;
        double[] beta = new double[k];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(beta, x[i]));
                double w = p * (1 - p);
                for (int a = 0; a < k; a++) {
                    gradient[a] += (y[i] - p) * x[i][a];
                    for (int b = 0; b < k; b++) {
                        hessian[a][b] += w * x[i][a] * x[i][b];
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                double penalty = a == 0 ? INTERCEPT_L2 : L2;
                gradient[a] -= penalty * beta[a];
                hessian[a][a] += penalty;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return beta;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Solves {@code a · x = b} by Gaussian elimination with partial pivoting ({@code a} is positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                pivot = Math.abs(m[r][col]) > Math.abs(m[pivot][col]) ? r : pivot;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }

    private static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
