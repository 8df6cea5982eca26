package dev.newsbot.eval;

import dev.newsbot.base.NearestRank;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Computes an {@link EvalReport} from what the bot did for each question. The figures follow
 * {@code shared/eval/FORMAT.md}, with these definitions:
 *
 * <ul>
 * <li><b>Article identity.</b> Articles are compared by key (url, or id when there is no url; see
 *     {@link Outcome#articleKey}). Keys are compared as exact strings once any {@code #fragment} is removed, since a
 *     fragment only points within the same page. Gold urls are counted once each.</li>
 * <li><b>Doc-Hits@k</b> (k = 1, 4, 10): 1 when any gold article is among the first k ranked articles, else 0.
 *     <b>Doc-MRR@10</b>: 1 / rank of the first gold article when it is within the top 10, else 0.
 *     <b>Doc-Recall@10</b>: the share of the gold articles that are in the top 10. Each is averaged over the
 *     answerable questions that have gold urls.</li>
 * <li><b>Answer accuracy</b>: 1 when the question is not refused and the reply states a gold answer and no
 *     distractor, else 0 (a refusal is wrong); averaged over the answerable questions that have answers. Matching
 *     normalises both texts and respects word boundaries; answers "yes" and "no" must open the reply. The exact
 *     rules are on {@code AnswerMatcher} and repeated in this package's tests.</li>
 * <li><b>Citation precision</b>: the share of cited articles that are gold, averaged over the answerable questions
 *     with gold urls that were not refused and cite at least one article.</li>
 * <li><b>Citation recall</b>: the share of gold articles cited (0 when refused), averaged over the answerable
 *     questions with gold urls.</li>
 * <li><b>Lead share</b>: the share of the answered questions (answerable, with answers other than yes or no) whose
 *     reply opens with a short lead ({@link AnswerMatcher#lead}: "Texas. [1] ..."). <b>Lead precision</b>: the share
 *     of those leads that state a gold answer and no distractor. A wrong lead in front of a right sentence still
 *     counts as an accurate answer; this is the figure that sees it.</li>
 * <li><b>Refusal rate</b>: the share of unanswerable questions refused. <b>False refusal rate</b>: the share of
 *     answerable questions refused.</li>
 * <li><b>Latency p50/p99</b> over all questions, by nearest rank: the value at 1-based position
 *     ceil(p / 100 &times; n) of the latencies sorted in ascending order.</li>
 * </ul>
 *
 * <p>A figure whose denominator is empty is null, never 0 or NaN. The same figures are computed for each question
 * type, in {@link EvalReport#byType()}.
 */
public final class Metrics {

    private static final int TOP = 10;

    private Metrics() {
    }

    /** The report for these outcomes, without an index build time. */
    public static EvalReport compute(List<Outcome> outcomes) {
        return compute(outcomes, null);
    }

    /**
     * The report for these outcomes.
     *
     * @param outcomes     one per question asked, in any order
     * @param indexSeconds the time the caller measured to build the index, or null when not measured
     */
    public static EvalReport compute(List<Outcome> outcomes, Double indexSeconds) {
        List<Judged> all = Objects.requireNonNull(outcomes, "outcomes must not be null").stream()
                .map(Judged::new).collect(Collectors.toList());
        Map<String, List<Judged>> byType = all.stream()
                .collect(Collectors.groupingBy(j -> j.question().type(), TreeMap::new, Collectors.toList()));
        Map<String, EvalReport> typeReports = new TreeMap<>();
        byType.forEach((type, judged) -> typeReports.put(type, summarise(judged, null, null)));
        return summarise(all, indexSeconds, typeReports);
    }

    private static EvalReport summarise(List<Judged> all, Double indexSeconds, Map<String, EvalReport> byType) {
        List<Judged> answerable = select(all, j -> j.question().answerable());
        List<Judged> unanswerable = select(all, j -> !j.question().answerable());
        List<Judged> withGold = select(answerable, j -> !j.gold.isEmpty());
        List<Judged> withAnswers = select(answerable, j -> !j.question().answers().isEmpty());
        List<Judged> citing = select(withGold, j -> !j.outcome.refused() && !j.cited.isEmpty());
        List<Judged> leadable = select(withAnswers, j -> !j.outcome.refused() && !j.asksYesOrNo());
        List<Judged> leading = select(leadable, j -> j.lead().isPresent());
        List<Long> latencies = all.stream().map(j -> j.outcome.latencyMs()).toList();
        return new EvalReport(all.size(), answerable.size(), unanswerable.size(),
                mean(withGold, j -> j.hitWithin(1)), mean(withGold, j -> j.hitWithin(4)),
                mean(withGold, j -> j.hitWithin(TOP)), mean(withGold, Judged::reciprocalRank),
                mean(withGold, Judged::recall), mean(withAnswers, Judged::correct),
                mean(citing, Judged::citationPrecision), mean(withGold, Judged::citationRecall),
                mean(leadable, j -> j.lead().isPresent() ? 1 : 0), mean(leading, Judged::leadCorrect),
                mean(unanswerable, Judged::refused), mean(answerable, Judged::refused),
                indexSeconds, percentile(latencies, 50), percentile(latencies, 99), byType);
    }

    private static List<Judged> select(List<Judged> judged, Predicate<Judged> filter) {
        return judged.stream().filter(filter).collect(Collectors.toList());
    }

    private static Double mean(List<Judged> judged, ToDoubleFunction<Judged> score) {
        return judged.isEmpty() ? null : Math.min(1.0, judged.stream().mapToDouble(score).average().orElseThrow());
    }

    /** The nearest-rank percentile of the values, or null when there are none. */
    private static Long percentile(List<Long> values, int p) {
        return values.isEmpty() ? null : NearestRank.percentile(values.stream().mapToLong(Long::longValue).toArray(), p);
    }

    static String key(String urlOrId) {
        int hash = urlOrId.indexOf('#');
        return (hash >= 0 ? urlOrId.substring(0, hash) : urlOrId).strip();
    }

    private static List<String> keys(List<String> urls) {
        return List.copyOf(urls.stream().map(Metrics::key).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** One outcome with its article keys normalised, and the per-question scores. */
    private static final class Judged {

        private final Outcome outcome;
        private final Set<String> gold;
        private final List<String> ranked;
        private final List<String> cited;

        Judged(Outcome outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcomes must not contain null");
            this.gold = new LinkedHashSet<>(keys(outcome.question().goldUrls()));
            this.ranked = keys(outcome.rankedArticleUrls());
            this.cited = keys(outcome.citedUrls());
        }

        EvalQuestion question() {
            return outcome.question();
        }

        double hitWithin(int k) {
            return ranked.stream().limit(k).anyMatch(gold::contains) ? 1 : 0;
        }

        double reciprocalRank() {
            List<String> top = ranked.subList(0, Math.min(TOP, ranked.size()));
            for (int i = 0; i < top.size(); i++) {
                if (gold.contains(top.get(i))) {
                    return 1.0 / (i + 1);
                }
            }
            return 0;
        }

        double recall() {
            return share(ranked.stream().limit(TOP).filter(gold::contains).count(), gold.size());
        }

        double correct() {
            boolean right = !outcome.refused() && AnswerMatcher.isCorrect(outcome.reply(),
                    question().answers(), question().distractors());
            return right ? 1 : 0;
        }

        boolean asksYesOrNo() {
            return question().answers().stream().map(AnswerMatcher::normalise)
                    .anyMatch(a -> a.matches("(?:yes|no)[.!]?"));
        }

        java.util.Optional<String> lead() {
            return AnswerMatcher.lead(outcome.reply());
        }

        double leadCorrect() {
            boolean right = AnswerMatcher.isCorrect(lead().orElseThrow(), question().answers(),
                    question().distractors());
            return right ? 1 : 0;
        }

        double citationPrecision() {
            return share(cited.stream().filter(gold::contains).count(), cited.size());
        }

        double citationRecall() {
            return outcome.refused() ? 0 : share(cited.stream().filter(gold::contains).count(), gold.size());
        }

        double refused() {
            return outcome.refused() ? 1 : 0;
        }

        private static double share(long part, int whole) {
            return (double) part / whole;
        }
    }
}
