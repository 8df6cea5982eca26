package dev.newsbot.answer;

import dev.newsbot.question.TimeCue;
import dev.newsbot.retrieval.PassageStore;
import dev.newsbot.retrieval.QueryCues;
import dev.newsbot.retrieval.RetrievedPassage;
import dev.newsbot.retrieval.TextAnalyzer;
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

    /** A term is rare when its idf is at least this share of the store's largest. */
    static final double RARE_SHARE = 0.5;
    /** Articles looked at for agreement. */
    static final int AGREEMENT_ARTICLES = 5;
    /** An article agrees when it holds at least this share of the question's weighted terms. */
    static final double AGREEMENT_COVERAGE = 0.5;
    /** Days before the asked time beyond which the best article counts as wholly stale. */
    static final double STALE_DAYS = 60;

    /** The features by name, in the order {@link Answerability} lists them. */
    static final List<String> NAMES = List.of("dense_top", "dense_margin", "sentence_coverage", "passage_coverage",
            "article_coverage", "name_coverage", "rare_coverage", "unknown_share", "unknown_name", "type_match",
            "stale", "agreement", "many_parts");

    private Evidence() {
    }

    static Map<String, Double> of(QuestionProfile profile, Candidate best, List<RetrievedPassage> passages,
                                  PassageStore store, TextAnalyzer analyzer, Optional<TimeCue> cue) {
        Map<String, Set<String>> articleTerms = articleTerms(passages, analyzer);
        Set<String> bestArticle = articleTerms.get(best.from().article().id());
        double rare = RARE_SHARE * store.maxIdf();
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
        return f;
    }

    /** The question's features when nothing was retrieved: nothing supports an answer. */
    static Map<String, Double> none(QuestionProfile profile) {
        Map<String, Double> f = new LinkedHashMap<>();
        NAMES.forEach(name -> f.put(name, 0.0));
        f.put("unknown_share", profile.unknownTermShare());
        f.put("unknown_name", unknownName(profile));
        f.put("many_parts", manyParts(profile));
        return f;
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
     * ({@link #STALE_DAYS} or more before); 0 for a question that names no time.
     */
    private static double stale(Optional<TimeCue> cue, Candidate best) {
        Optional<LocalDate> published = best.from().article().publishedDate();
        if (cue.isEmpty() || published.isEmpty()) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(published.get(), cue.get().from());
        return Math.min(1, Math.max(0, days) / STALE_DAYS);
    }

    /** The share of the first few retrieved articles that hold most of the question. */
    private static double agreement(QuestionProfile profile, Map<String, Set<String>> articleTerms) {
        List<Set<String>> first = articleTerms.values().stream().limit(AGREEMENT_ARTICLES).toList();
        return first.stream().filter(t -> profile.coverage(t) >= AGREEMENT_COVERAGE).count()
                / (double) AGREEMENT_ARTICLES;
    }
}
