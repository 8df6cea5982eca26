package dev.newsbot.answer;

import dev.newsbot.index.PassageStore;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.question.TimeCue;
import dev.newsbot.search.QueryCues;
import dev.newsbot.search.RetrievedPassage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the retrieved passages say for and against answering a question, as features that mean the same thing on
 * any news set: how close the best passages are, how much of the question's names and rare words they hold,
 * whether the best sentence holds the asked kind of fact, how far the best article lies before a time the
 * question names, and how many articles agree. {@link Answerability} weighs them into a probability.
 */
final class Evidence {

    private static final AnswerabilityWeights W = AnswerabilityWeights.DEFAULT;

    /** The features by name, in the order {@link Answerability} lists them. */
    static final List<String> NAMES = List.of("dense_top", "dense_margin", "sentence_coverage", "passage_coverage",
            "article_coverage", "name_coverage", "rare_coverage", "unknown_share", "unknown_name", "type_match",
            "stale", "agreement", "many_parts", "late", "best_age");

    private Evidence() {
    }

    static Map<String, Double> of(QuestionProfile profile, Candidate best, List<RetrievedPassage> passages,
                                  PassageStore store, TextAnalyzer analyzer, Optional<TimeCue> cue, LocalDate asked) {
        Map<String, Set<String>> articleTerms = articleTerms(passages, analyzer);
        Set<String> bestArticle = articleTerms.get(best.from().article().id());
        double rare = W.rareShare() * store.maxIdf();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("dense_top", denseTop(passages));
        f.put("dense_margin", denseMargin(passages));
        f.put("sentence_coverage", best.coverage());
        f.put("passage_coverage", best.context());
        f.put("article_coverage", profile.coverage(bestArticle));
        f.put("name_coverage", share(profile, bestArticle, profile.nameTerms::contains));
        f.put("rare_coverage", share(profile, bestArticle, t -> store.idf(t) == 0 || store.idf(t) >= rare));
        f.put("unknown_share", profile.unknownTermShare());
        f.put("unknown_name", unknownName(profile));
        f.put("type_match", best.typeMatch());
        f.put("stale", stale(cue, best));
        f.put("agreement", agreement(profile, articleTerms));
        f.put("many_parts", manyParts(profile));
        f.put("late", late(store, asked));
        f.put("best_age", bestAge(passages.get(0), cue, reference(store, asked)));
        return f;
    }

    /** The question's features when nothing was retrieved: nothing supports an answer. */
    static Map<String, Double> none(QuestionProfile profile, PassageStore store, LocalDate asked) {
        Map<String, Double> f = new LinkedHashMap<>();
        NAMES.forEach(name -> f.put(name, 0.0));
        f.put("unknown_share", profile.unknownTermShare());
        f.put("unknown_name", unknownName(profile));
        f.put("many_parts", manyParts(profile));
        f.put("late", late(store, asked));
        return f;
    }

    /**
     * How long after the set's newest article (of those not after the question date) the question is asked, from 0
     * (within {@link AnswerabilityWeights#lateGraceDays}) to 1 ({@link AnswerabilityWeights#lateDays} more): the later a question comes, the likelier it
     * asks about news the set cannot hold yet. It weighs against weak evidence only; an asked-later question about
     * what the articles do hold still has strong evidence.
     */
    static double late(PassageStore store, LocalDate asked) {
        LocalDate now = reference(store, asked);
        return newestBefore(store, asked)
                .map(newest -> Math.min(1, Math.max(0, ChronoUnit.DAYS.between(newest, now) - W.lateGraceDays())
                        / W.lateDays()))
                .orElse(0.0);
    }

    /**
     * The day the question's "now" means for the set: the question date, or for an archive (newest article more
     * than {@link AnswerabilityWeights#archiveDays} before it) the newest article's day.
     */
    static LocalDate reference(PassageStore store, LocalDate asked) {
        return newestBefore(store, asked).filter(newest -> newest.plusDays(W.archiveDays()).isBefore(asked))
                .orElse(asked);
    }

    /** The newest publication day of the set that is not after {@code asked}, if any article is dated. */
    static Optional<LocalDate> newestBefore(PassageStore store, LocalDate asked) {
        return store.newestOnOrBefore(asked);
    }

    /**
     * How old the first retrieved article is at the time the question asks about (the end of the span it names,
     * else the question date, or an archive's newest day: {@link #reference}), on a log scale from 0 (that day) to 1 ({@link AnswerabilityWeights#oldDays} or more): news questions
     * are mostly answered by recent reports, and a question that only years-old background articles match is
     * mostly about something the set does not hold. 0 for an undated article.
     */
    static double bestAge(RetrievedPassage first, Optional<TimeCue> cue, LocalDate asked) {
        Optional<LocalDate> published = first.article().publishedDate();
        if (published.isEmpty()) {
            return 0;
        }
        LocalDate anchor = cue.map(TimeCue::to).orElse(asked);
        long days = Math.max(0, ChronoUnit.DAYS.between(published.get(), anchor));
        return Math.min(1, Math.log1p(days) / Math.log1p(W.oldDays()));
    }

    /**
     * 1 for a question of several parts ("Which company, noted by TechCrunch for X, and by The Age for Y, ...?"),
     * else 0: such a question spreads its words over several articles, so any one article covers less of it. A
     * plain word count did the same on the dev sets but held short questions, as people type them, to be unanswerable.
     */
    private static double manyParts(QuestionProfile profile) {
        return QueryCues.clauses(profile.text()).isEmpty() ? 0 : 1;
    }

    /** 1 when the question names something of which no article holds a word ("Garissa"), else 0. */
    private static double unknownName(QuestionProfile profile) {
        return profile.unknownNames().isEmpty() ? 0 : 1;
    }

    private static double denseTop(List<RetrievedPassage> passages) {
        return passages.stream().mapToDouble(RetrievedPassage::similarity).max().orElse(0);
    }

    /** How much closer the closest article is than the next one: one clear match, or many alike. */
    private static double denseMargin(List<RetrievedPassage> passages) {
        Map<String, Double> best = new LinkedHashMap<>();
        passages.forEach(p -> best.merge(p.article().id(), (double) p.similarity(), Math::max));
        List<Double> sorted = best.values().stream().sorted((a, b) -> Double.compare(b, a)).toList();
        return sorted.size() < 2 ? sorted.isEmpty() ? 0 : sorted.get(0) : sorted.get(0) - sorted.get(1);
    }

    /** The terms of each retrieved article: its title and every passage of it that was retrieved. */
    private static Map<String, Set<String>> articleTerms(List<RetrievedPassage> passages, TextAnalyzer analyzer) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        for (RetrievedPassage p : passages) {
            terms.computeIfAbsent(p.article().id(), id -> new HashSet<>(analyzer.terms(p.article().title())))
                    .addAll(analyzer.terms(p.passage().text()));
        }
        return terms;
    }

    /** The share of the weight of the question's terms that pass {@code which} found in {@code terms}; 1 if none. */
    private static double share(QuestionProfile profile, Set<String> terms, java.util.function.Predicate<String> which) {
        double all = 0;
        double found = 0;
        for (Map.Entry<String, Double> e : profile.weights.entrySet()) {
            if (which.test(e.getKey())) {
                all += e.getValue();
                found += terms.contains(e.getKey()) ? e.getValue() : 0;
            }
        }
        return all == 0 ? 1 : found / all;
    }

    /**
     * For a question that names a time, how far before it the best article was published, from 0 (within it) to 1
     * ({@link AnswerabilityWeights#staleDays} or more before); 0 for a question that names no time.
     */
    private static double stale(Optional<TimeCue> cue, Candidate best) {
        Optional<LocalDate> published = best.from().article().publishedDate();
        if (cue.isEmpty() || published.isEmpty()) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(published.get(), cue.get().from());
        return Math.min(1, Math.max(0, days) / W.staleDays());
    }

    /** The share of the first few retrieved articles that hold most of the question. */
    private static double agreement(QuestionProfile profile, Map<String, Set<String>> articleTerms) {
        List<Set<String>> first = articleTerms.values().stream().limit(W.agreementArticles()).toList();
        return first.stream().filter(t -> profile.coverage(t) >= W.agreementCoverage()).count()
                / (double) W.agreementArticles();
    }
}
