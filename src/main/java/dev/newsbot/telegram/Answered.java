package dev.newsbot.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One answer the bot sent in a chat, kept server-side so that its buttons and an edit of its question can find it.
 *
 * @param id                the random id its buttons carry
 * @param chatId            the chat it was sent to
 * @param questionMessageId the user's message it answers
 * @param messageIds        the bot's messages holding it, in order (the last one carries the buttons)
 * @param question          the question as asked
 * @param askedAt           when the question was sent
 * @param set               the article set that answered
 * @param setVersion        that set's version at the time ("" when unknown)
 * @param answer            the plain answer text
 * @param citedUrls         the links of the cited articles, in marker order (articles without a link are left out)
 * @param refused           true when the articles did not hold the answer
 * @param sentAt            when the answer was sent (messages older than 48 h cannot be edited)
 */
record Answered(String id, long chatId, int questionMessageId, List<Integer> messageIds, String question,
                Instant askedAt, String set, String setVersion, String answer, List<String> citedUrls,
                boolean refused, Instant sentAt) {

    Answered {
        Objects.requireNonNull(id, "Answered.id must not be null");
        messageIds = List.copyOf(Objects.requireNonNull(messageIds, "Answered.messageIds must not be null"));
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("Answered.messageIds must not be empty");
        }
        Objects.requireNonNull(question, "Answered.question must not be null");
        Objects.requireNonNull(askedAt, "Answered.askedAt must not be null");
        Objects.requireNonNull(set, "Answered.set must not be null");
        Objects.requireNonNull(setVersion, "Answered.setVersion must not be null");
        Objects.requireNonNull(answer, "Answered.answer must not be null");
        citedUrls = List.copyOf(Objects.requireNonNull(citedUrls, "Answered.citedUrls must not be null"));
        Objects.requireNonNull(sentAt, "Answered.sentAt must not be null");
    }

    /** True when {@code messageId} in {@code chat} is one of this answer's messages. */
    boolean isIn(long chat, int messageId) {
        return chat == chatId && messageIds.contains(messageId);
    }
}
