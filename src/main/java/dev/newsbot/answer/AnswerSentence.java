package dev.newsbot.answer;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of an answer with the sources that support it.
 *
 * @param text    the sentence, without markers
 * @param sources the marker numbers it cites; never empty
 */
public record AnswerSentence(String text, List<Integer> sources) {

    public AnswerSentence {
        Objects.requireNonNull(text, "AnswerSentence.text must not be null");
        sources = List.copyOf(Objects.requireNonNull(sources, "AnswerSentence.sources must not be null"));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("AnswerSentence.sources must not be empty: every sentence is cited");
        }
    }

    /** The sentence followed by its markers, such as {@code "... to 59. [1]"}. */
    public String withMarkers() {
        StringBuilder out = new StringBuilder(text);
        for (int n : sources) {
            out.append(" [").append(n).append(']');
        }
        return out.toString();
    }
}
