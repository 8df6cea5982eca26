package dev.newsbot.answer;

import java.util.List;

/**
 * What an answerer wrote, before it is dressed as an {@link Answer}.
 *
 * @param sentences  cited sentences; empty when refusing
 * @param citations  the sources they cite, numbered from 1
 * @param confidence how well the evidence supports an answer, from 0 to 1
 * @param mode       {@code extractive}, {@code llm} or {@code llm-fallback}
 */
public record Draft(List<AnswerSentence> sentences, List<Citation> citations, double confidence, String mode) {

    public Draft {
        sentences = List.copyOf(sentences);
        citations = List.copyOf(citations);
    }

    public static Draft refusal(double confidence, String mode) {
        return new Draft(List.of(), List.of(), confidence, mode);
    }

    public boolean refused() {
        return sentences.isEmpty();
    }
}
