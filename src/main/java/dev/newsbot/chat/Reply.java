package dev.newsbot.chat;

import java.util.List;
import java.util.Objects;

/**
 * What the bot answers to one question, in a form every front end can render.
 *
 * @param question the question as asked
 * @param answer   plain text; every sentence ends with one or more {@code [n]} markers unless {@code refused}
 * @param sources  the numbered source list, in marker order; empty when refused
 * @param refused  true when the articles do not hold the answer
 * @param setName  the article set that was searched
 * @param cached   true when the answer came from the answer cache
 */
public record Reply(String question, String answer, List<ReplySource> sources, boolean refused, String setName,
                    boolean cached) {

    public Reply {
        Objects.requireNonNull(question, "Reply.question must not be null");
        Objects.requireNonNull(answer, "Reply.answer must not be null");
        Objects.requireNonNull(setName, "Reply.setName must not be null");
        sources = List.copyOf(Objects.requireNonNull(sources, "Reply.sources must not be null"));
        if (refused && !sources.isEmpty()) {
            throw new IllegalArgumentException("Reply.sources must be empty when refused");
        }
    }
}
