package dev.newsbot.answer;

import dev.newsbot.articles.Article;
import dev.newsbot.retrieval.PassageStore;
import dev.newsbot.retrieval.RetrievedPassage;
import dev.newsbot.retrieval.TextAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The default, offline answerer: it answers with one to three sentences taken word for word from the retrieved
 * passages, each cited to the article it came from, and declines when the best evidence is weak.
 */
public final class ExtractiveAnswerer implements Answerer {

    public static final String MODE = "extractive";
    /** A further sentence must score at least this share of the best one. */
    static final double RELATIVE_SCORE = 0.9;

    private final TextAnalyzer analyzer;
    private final SentenceScorer scorer;
    private final NewsLexicon lexicon;
    private final int maxSentences;
    private final double refusalThreshold;

    /**
     * @param maxSentences     at most this many sentences per answer (1 to 3)
     * @param refusalThreshold below this confidence (0 to 1) the answerer declines
     */
    public ExtractiveAnswerer(TextAnalyzer analyzer, int maxSentences, double refusalThreshold) {
        if (maxSentences < 1 || maxSentences > 3) {
            throw new IllegalArgumentException("maxSentences must be 1 to 3, was " + maxSentences);
        }
        if (refusalThreshold < 0 || refusalThreshold > 1) {
            throw new IllegalArgumentException("refusalThreshold must be 0 to 1, was " + refusalThreshold);
        }
        this.analyzer = analyzer;
        this.scorer = new SentenceScorer(analyzer);
        this.lexicon = new NewsLexicon(analyzer);
        this.maxSentences = maxSentences;
        this.refusalThreshold = refusalThreshold;
    }

    @Override
    public Draft write(Question question, PassageStore store, List<RetrievedPassage> passages) {
        QuestionProfile profile = new QuestionProfile(question, analyzer, lexicon, store);
        List<Candidate> candidates = scorer.score(profile, passages);
        if (Boolean.getBoolean("newsbot.debug")) {
            candidates.stream().limit(6).forEach(c -> System.err.printf("%.3f cov=%.2f ctx=%.2f sim=%.2f type=%s r=%d %s%n",
                    c.score(), c.coverage(), c.context(), c.from().similarity(), c.typeMatch(), c.passageRank(), c.text()));
            System.err.println(profile.weights);
        }
        double confidence = candidates.isEmpty() ? 0 : confidence(candidates.get(0), passages);
        if (confidence < refusalThreshold) {
            return Draft.refusal(confidence, MODE);
        }
        return cite(choose(profile, candidates), confidence);
    }

    /** How well the best sentence and its passage cover the question, from 0 to 1. */
    static double confidence(Candidate best, List<RetrievedPassage> passages) {
        double similarity = passages.stream().mapToDouble(RetrievedPassage::similarity).max().orElse(0);
        return 0.5 * best.context() + 0.3 * best.coverage() + 0.2 * Math.max(0, similarity);
    }

    private List<Candidate> choose(QuestionProfile profile, List<Candidate> candidates) {
        Candidate best = candidates.get(0);
        List<Candidate> chosen = new ArrayList<>(List.of(best));
        antecedent(profile, best).ifPresent(before -> chosen.add(0, before));
        Set<String> covered = new HashSet<>(best.terms());
        Set<String> articles = new HashSet<>(Set.of(best.from().article().id()));
        for (Candidate c : candidates.subList(1, candidates.size())) {
            if (chosen.size() == maxSentences || c.score() < RELATIVE_SCORE * best.score()) {
                break;
            }
            boolean newTerms = profile.weights.keySet().stream().anyMatch(t -> c.terms().contains(t) && !covered.contains(t));
            if (c.typeMatch() > 0 && (newTerms || !articles.contains(c.from().article().id()))) {
                chosen.add(c);
                covered.addAll(c.terms());
                articles.add(c.from().article().id());
            }
        }
        return chosen;
    }

    /**
     * The sentence before {@code best} in its passage, when {@code best} refers back to the asked thing and that
     * sentence names something the question does not.
     */
    private static Optional<Candidate> antecedent(QuestionProfile profile, Candidate best) {
        List<String> sentences = best.from().passage().sentences();
        int at = sentences.indexOf(best.text());
        if (at < 1 || !profile.refersBack(best.text())) {
            return Optional.empty();
        }
        String before = sentences.get(at - 1);
        if (!profile.typeMatches(before)) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(best.from(), best.passageRank(), before, Set.of(), 0, best.context(), 1,
                best.score()));
    }

    private static Draft cite(List<Candidate> chosen, double confidence) {
        Map<String, Integer> numberOf = new LinkedHashMap<>();
        Map<String, Article> articleOf = new LinkedHashMap<>();
        Map<String, Set<String>> quotes = new LinkedHashMap<>();
        List<AnswerSentence> sentences = new ArrayList<>();
        for (Candidate c : chosen) {
            Article article = c.from().article();
            int n = numberOf.computeIfAbsent(article.id(), id -> numberOf.size() + 1);
            articleOf.putIfAbsent(article.id(), article);
            quotes.computeIfAbsent(article.id(), id -> new LinkedHashSet<>()).add(c.from().passage().text());
            sentences.add(new AnswerSentence(c.text(), List.of(n)));
        }
        List<Citation> citations = new ArrayList<>();
        numberOf.forEach((id, n) -> citations.add(new Citation(n, articleOf.get(id), String.join(" … ", quotes.get(id)))));
        return new Draft(sentences, citations, confidence, MODE);
    }
}
