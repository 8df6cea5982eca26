package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The votes users give with the 👍/👎 buttons, one JSON object per vote (see {@link #line}) appended to a
 * {@link FeedbackStore} ({@code feedback.jsonl}, or the fleet's Redis) before the press is acknowledged. Chat and user
 * ids are never written: only their HMAC-SHA-256 under the store's random salt, so lines of one user can be told
 * apart without revealing who it was. A second press by the same user on the same answer is appended too (the last
 * line wins, see {@link FeedbackExport}); pressing the same vote again appends nothing. Thread-safe.
 */
final class FeedbackLog implements AutoCloseable {

    static final String FILE = "feedback.jsonl";
    static final String SALT = "feedback.salt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedbackStore store;
    private final byte[] salt;
    private final Clock clock;

    /** How a user rated an answer. */
    enum Vote {
        UP, DOWN;

        String label() {
            return this == UP ? "up" : "down";
        }
    }

    FeedbackLog(FeedbackStore store, Clock clock) {
        this.store = store;
        this.salt = store.salt();
        this.clock = clock;
    }

    /** The feedback file in {@code dir} (created when missing); null keeps votes in memory only. */
    static FeedbackLog open(Path dir, Clock clock) {
        return new FeedbackLog(FileFeedbackStore.open(dir), clock);
    }

    /**
     * Records {@code user}'s vote on {@code answer}: true when written, false when it repeats that user's last
     * vote on it (nothing is written).
     *
     * @throws UncheckedIOException when the line cannot be written; the vote then does not count
     */
    boolean record(Answered answer, long user, Vote vote) {
        String userHash = hash("user", user);
        return store.append(answer.id() + "/" + userHash, vote.label(), line(answer, userHash, vote));
    }

    /**
     * One vote: {@code time}, {@code answer_id}, {@code vote} (up|down), {@code question}, {@code asked_on} (the
     * question's day, UTC), {@code set}, {@code set_version}, {@code answer}, {@code cited_urls}, {@code refused},
     * {@code chat} and {@code user} (salted hashes).
     */
    private String line(Answered a, String userHash, Vote vote) {
        ObjectNode n = JSON.createObjectNode().put("time", clock.instant().toString()).put("answer_id", a.id())
                .put("vote", vote.label()).put("question", a.question())
                .put("asked_on", a.askedAt().atZone(ZoneOffset.UTC).toLocalDate().toString()).put("set", a.set())
                .put("set_version", a.setVersion()).put("answer", a.answer());
        a.citedUrls().forEach(n.putArray("cited_urls")::add);
        n.put("refused", a.refused()).put("chat", hash("chat", a.chatId())).put("user", userHash);
        return n.toString();
    }

    /**
     * How log lines name a chat: {@code chat#} and the first 12 hex digits of its salted hash in the feedback file,
     * so a log line can be matched to the chat's votes without showing its id.
     */
    String loggedChat(long chatId) {
        return "chat#" + hash("chat", chatId).substring(0, 12);
    }

    /** The salted hash of an id, 32 hex digits: {@code kind} keeps a chat and a user with the same id apart. */
    String hash(String kind, long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
