package dev.newsbot.answer;

import dev.newsbot.retrieval.PassageStore;
import dev.newsbot.retrieval.TextAnalyzer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a question asks, prepared once for scoring every candidate sentence: its terms weighted by rarity, the
 * names and numbers it mentions, and the kind of fact it wants.
 */
final class QuestionProfile {

    /** Weight of the earlier question's terms in a follow-up, relative to the new question's. */
    private static final double FOLLOW_UP_WEIGHT = 0.4;
    /** Extra weight of a term that belongs to a name in the question. */
    private static final double NAME_WEIGHT = 1.5;
    /** Credit for a related word (a "death toll" for "killed") instead of the question's own. */
    private static final double RELATED_CREDIT = 0.8;

    final AnswerType type;
    final Map<String, Double> weights = new LinkedHashMap<>();
    private final Map<String, Set<String>> related = new LinkedHashMap<>();
    final Set<String> numbers;
    final Set<String> names;
    final double totalWeight;

    QuestionProfile(Question question, TextAnalyzer analyzer, NewsLexicon lexicon, PassageStore store) {
        this.type = AnswerType.of(question.text());
        this.numbers = Facts.numbers(question.text());
        this.names = Facts.names(question.text());
        Set<String> nameTerms = new HashSet<>(analyzer.terms(String.join(" ", names)));
        addTerms(analyzer, store, question.text(), 1.0, nameTerms);
        if (question.followUpOf() != null) {
            addTerms(analyzer, store, question.followUpOf(), FOLLOW_UP_WEIGHT, nameTerms);
        }
        this.totalWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        weights.keySet().forEach(term -> related.put(term, lexicon.related(term)));
    }

    private void addTerms(TextAnalyzer analyzer, PassageStore store, String text, double scale, Set<String> nameTerms) {
        for (String term : analyzer.terms(text)) {
            double idf = store.idf(term);
            double weight = (idf == 0 ? store.maxIdf() : idf) * scale * (nameTerms.contains(term) ? NAME_WEIGHT : 1);
            weights.merge(term, weight, Math::max);
        }
    }

    /** The share of the question's weighted terms found in {@code terms}, from 0 to 1. */
    double coverage(Set<String> terms) {
        if (totalWeight == 0) {
            return 0;
        }
        double found = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (terms.contains(e.getKey())) {
                found += e.getValue();
            } else if (related.get(e.getKey()).stream().anyMatch(terms::contains)) {
                found += RELATED_CREDIT * e.getValue();
            }
        }
        return found / totalWeight;
    }

    /** Whether {@code sentence} holds the kind of fact asked for, beyond what the question itself says. */
    boolean typeMatches(String sentence) {
        return switch (type) {
            case NUMBER -> Facts.numbers(sentence).stream().anyMatch(n -> !numbers.contains(n));
            case DATE -> Facts.hasDate(sentence);
            case PERSON, PLACE, OTHER -> Facts.names(sentence).stream().anyMatch(n -> !names.contains(n));
            case YES_NO -> true;
        };
    }
}
