package dev.newsbot.telegram;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers sent recently, by their random id (what a feedback button carries: the callback data is looked up
 * here, so data that was not issued by this bot finds nothing) and by the question message they answer (so an
 * edited question can edit its answer). Bounded: the oldest are forgotten first. Kept in memory only, so buttons
 * under answers sent before a restart acknowledge a press without recording it. Thread-safe.
 */
final class AnswerBook {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int capacity;
    private final Map<String, Answered> byId;
    private final Map<String, String> byQuestion;

    AnswerBook(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("AnswerBook.capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.byId = new LinkedHashMap<>(16, 0.75f, false);
        this.byQuestion = new LinkedHashMap<>();
    }

    /** A fresh id: 12 random bytes, URL-safe base64 (16 characters), unguessable. */
    static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    synchronized void put(Answered a) {
        byId.put(a.id(), a);
        String previous = byQuestion.put(questionKey(a.chatId(), a.questionMessageId()), a.id());
        if (previous != null && !previous.equals(a.id())) {
            byId.remove(previous);
        }
        while (byId.size() > capacity) {
            Answered oldest = byId.values().iterator().next();
            byId.remove(oldest.id());
            byQuestion.remove(questionKey(oldest.chatId(), oldest.questionMessageId()), oldest.id());
        }
    }

    synchronized Optional<Answered> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The answer to message {@code messageId} of {@code chatId}, if still remembered. */
    synchronized Optional<Answered> answerTo(long chatId, int messageId) {
        String id = byQuestion.get(questionKey(chatId, messageId));
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    private static String questionKey(long chatId, int messageId) {
        return chatId + "/" + messageId;
    }
}
