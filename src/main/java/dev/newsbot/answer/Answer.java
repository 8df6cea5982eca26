package dev.newsbot.answer;

import dev.newsbot.search.RetrievedPassage;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An answer to a {@link Question}: cited sentences and their numbered sources, or a refusal.
 *
 * <p>Guaranteed by construction: every sentence cites at least one source; every cited number has a
 * {@link Citation}; every citation is used by some sentence; a refusal has neither sentences nor citations.
 *
 * @param question  what was asked
 * @param sentences the answer's sentences, the one stating the asked fact first; empty when refused
 * @param citations the sources, numbered from 1 in order of first use; empty when refused
 * @param refused   true when the articles do not hold the answer
 * @param refusal   the text shown instead of an answer when refused, else null
 * @param set       the article set searched
 * @param mode      how it was written: {@code extractive}, {@code llm} or {@code llm-fallback}
 * @param retrieved the passages retrieval gave the answerer, best first
 * @param timings   milliseconds spent per stage, in stage order
 * @param cached    true when served from the answer cache
 * @param confidence how well the evidence supported answering, from 0 to 1
 * @param evidence   the features the confidence was weighed from, by name (see {@code Evidence}); empty if none
 */
public record Answer(Question question, List<AnswerSentence> sentences, List<Citation> citations, boolean refused,
                     String refusal, SetInfo set, String mode, List<RetrievedPassage> retrieved,
                     Map<String, Double> timings, boolean cached, double confidence,
                     Map<String, Double> evidence) {

    public Answer {
        Objects.requireNonNull(question, "Answer.question must not be null");
        sentences = List.copyOf(Objects.requireNonNull(sentences, "Answer.sentences must not be null"));
        citations = List.copyOf(Objects.requireNonNull(citations, "Answer.citations must not be null"));
        Objects.requireNonNull(set, "Answer.set must not be null");
        Objects.requireNonNull(mode, "Answer.mode must not be null");
        retrieved = List.copyOf(Objects.requireNonNull(retrieved, "Answer.retrieved must not be null"));
        timings = Map.copyOf(Objects.requireNonNull(timings, "Answer.timings must not be null"));
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(evidence, "Answer.evidence must not be null")));
        if (refused) {
            requireRefusal(sentences, citations, refusal);
        } else {
            requireCitedSentences(sentences, citations);
        }
    }

    public Answer(Question question, List<AnswerSentence> sentences, List<Citation> citations, boolean refused,
                  String refusal, SetInfo set, String mode, List<RetrievedPassage> retrieved,
                  Map<String, Double> timings, boolean cached, double confidence) {
        this(question, sentences, citations, refused, refusal, set, mode, retrieved, timings, cached, confidence,
                Map.of());
    }

    private static void requireRefusal(List<AnswerSentence> sentences, List<Citation> citations, String refusal) {
        if (!sentences.isEmpty() || !citations.isEmpty()) {
            throw new IllegalArgumentException("Answer.sentences and Answer.citations must be empty when refused");
        }
        if (refusal == null || refusal.isBlank()) {
            throw new IllegalArgumentException("Answer.refusal must say why when refused");
        }
    }

    private static void requireCitedSentences(List<AnswerSentence> sentences, List<Citation> citations) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("Answer.sentences must not be empty unless refused");
        }
        for (int i = 0; i < citations.size(); i++) {
            if (citations.get(i).n() != i + 1) {
                throw new IllegalArgumentException("Answer.citations must be numbered 1.." + citations.size());
            }
        }
        Set<Integer> used = sentences.stream().flatMap(s -> s.sources().stream()).collect(Collectors.toSet());
        Set<Integer> known = new HashSet<>();
        citations.forEach(c -> known.add(c.n()));
        if (!known.containsAll(used)) {
            throw new IllegalArgumentException("Answer.sentences cite sources " + used + " but citations are " + known);
        }
        if (!used.containsAll(known)) {
            throw new IllegalArgumentException("Answer.citations " + known + " include sources no sentence cites");
        }
    }

    /** The answer as plain text: sentences with their {@code [n]} markers, or the refusal. */
    public String text() {
        if (refused) {
            return refusal;
        }
        return sentences.stream().map(AnswerSentence::withMarkers).collect(Collectors.joining(" "));
    }

    /** The same answer, marked as served from the cache. */
    public Answer fromCache() {
        return new Answer(question, sentences, citations, refused, refusal, set, mode, retrieved, timings, true,
                confidence, evidence);
    }
}
