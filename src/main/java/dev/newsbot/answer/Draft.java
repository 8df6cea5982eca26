package dev.newsbot.answer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an answerer wrote, before it is dressed as an {@link Answer}.
 *
 * @param sentences  cited sentences; empty when refusing
 * @param citations  the sources they cite, numbered from 1
 * @param confidence how well the evidence supports an answer, from 0 to 1
 * @param mode       {@code extractive}, {@code llm} or {@code llm-fallback}
 * @param evidence   the {@link Evidence} features the confidence was weighed from, by name; empty if none
 * @param why        why it declines; null when it answers
 */
public record Draft(List<AnswerSentence> sentences, List<Citation> citations, double confidence, String mode,
                    Map<String, Double> evidence, Refusal why) {

    public Draft {
        sentences = List.copyOf(sentences);
        citations = List.copyOf(citations);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(evidence, "Draft.evidence must not be null")));
        if (sentences.isEmpty() && why == null) {
            why = Refusal.notFound();
        }
        if (!sentences.isEmpty()) {
            why = null;
        }
    }

    public Draft(List<AnswerSentence> sentences, List<Citation> citations, double confidence, String mode) {
        this(sentences, citations, confidence, mode, Map.of(), null);
    }

    public static Draft refusal(double confidence, String mode) {
        return new Draft(List.of(), List.of(), confidence, mode);
    }

    public static Draft refusal(double confidence, String mode, Map<String, Double> evidence, Refusal why) {
        return new Draft(List.of(), List.of(), confidence, mode, evidence, why);
    }

    /** The same draft with the evidence it was weighed from. */
    public Draft withEvidence(Map<String, Double> newEvidence) {
        return new Draft(sentences, citations, confidence, mode, newEvidence, why);
    }

    public boolean refused() {
        return sentences.isEmpty();
    }
}
