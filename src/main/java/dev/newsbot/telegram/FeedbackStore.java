package dev.newsbot.telegram;

import java.util.List;

/**
 * Where the 👍/👎 votes are kept: one JSON line per vote, and the salt under which chat and user ids are hashed.
 * {@link FileFeedbackStore} appends to {@code feedback.jsonl} beside a {@code feedback.salt} file; a fleet of replicas
 * keeps them in Redis (the {@code fleet} package), so every replica hashes alike and a user's repeated vote is
 * recognised whichever replica takes the press. Implementations are thread-safe.
 */
public interface FeedbackStore extends AutoCloseable {

    /** The install's random salt (at least 16 bytes), the same on every start and every replica. */
    byte[] salt();

    /**
     * Appends {@code line} (one JSON object, no newline) unless the last vote kept under {@code key} (an answer and
     * a user) is {@code vote} already; true when appended.
     *
     * @throws java.io.UncheckedIOException when it cannot be kept; the vote then does not count
     */
    boolean append(String key, String vote, String line);

    /** Every line kept, oldest first. */
    List<String> lines();

    @Override
    void close();
}
