package dev.newsbot.answer.llm;

import java.util.List;

/**
 * What a model wrote, split into sentences with the passage numbers each one cites.
 *
 * @param refused   true when the model said the passages do not answer the question
 * @param sentences its sentences in order; those without a marker cite nothing
 */
record ModelReply(boolean refused, List<Sentence> sentences) {

    ModelReply {
        sentences = List.copyOf(sentences);
    }

    /**
     * One sentence of the reply.
     *
     * @param text    the sentence without its markers
     * @param markers the {@code [n]} numbers it cites, in order, without repeats; may name passages never given
     */
    record Sentence(String text, List<Integer> markers) {
        Sentence {
            markers = List.copyOf(markers);
        }
    }
}
