package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The feedback file {@code feedback.jsonl}: append-only, one JSON object a line per vote (see {@link #line}), each
 * line forced to disk before the press is acknowledged. Chat and user ids are never written: only their
 * HMAC-SHA-256 under this install's random salt ({@code feedback.salt}, created on first use), so lines of one user
 * can be told apart without revealing who it was. A second press by the same user on the same answer is appended
 * too (the last line wins, see {@link FeedbackExport}); pressing the same vote again appends nothing. Without a
 * folder the votes are kept only in memory. Thread-safe.
 */
final class FeedbackLog implements AutoCloseable {

    static final String FILE = "feedback.jsonl";
    static final String SALT = "feedback.salt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final byte[] salt;
    private final Clock clock;
    private final Map<String, Vote> last = new HashMap<>();
    private FileChannel out;

    /** How a user rated an answer. */
    enum Vote {
        UP, DOWN;

        String label() {
            return this == UP ? "up" : "down";
        }
    }

    private FeedbackLog(Path file, byte[] salt, Clock clock) {
        this.file = file;
        this.salt = salt;
        this.clock = clock;
    }

    /** The feedback file in {@code dir} (created when missing); null keeps votes in memory only. */
    static FeedbackLog open(Path dir, Clock clock) {
        if (dir == null) {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            return new FeedbackLog(null, salt, clock);
        }
        try {
            Files.createDirectories(dir);
            FeedbackLog log = new FeedbackLog(dir.resolve(FILE), salt(dir.resolve(SALT)), clock);
            log.readLastVotes();
            log.out = FileChannel.open(log.file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            log.endTornLine();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the feedback file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The install's salt: read, or on first use 32 random bytes written (readable by the owner only). */
    private static byte[] salt(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path tmp = file.resolveSibling(SALT + ".tmp");
            Files.writeString(tmp, HexFormat.of().formatHex(fresh));
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                Files.delete(tmp);
            }
        }
        String hex = Files.readString(file).strip();
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a hex salt", e);
        }
    }

    /** A line torn by a crash is ended, so that the next vote starts a line of its own. */
    private void endTornLine() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() == 0) {
                return;
            }
            in.read(last, in.size() - 1);
        }
        if (last.get(0) != '\n') {
            write("\n");
        }
    }

    private void readLastVotes() {
        FeedbackExport.read(file).forEach(v -> last.put(v.answerId() + "/" + v.user(), v.vote()));
    }

    /**
     * Records {@code user}'s vote on {@code answer}: true when written, false when it repeats that user's last
     * vote on it (nothing is written).
     *
     * @throws UncheckedIOException when the line cannot be written; the vote then does not count
     */
    synchronized boolean record(Answered answer, long user, Vote vote) {
        String userHash = hash("user", user);
        String key = answer.id() + "/" + userHash;
        if (last.get(key) == vote) {
            return false;
        }
        if (out != null) {
            write(line(answer, userHash, vote));
        }
        last.put(key, vote);
        return true;
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
        return n.toString() + "\n";
    }

    private void write(String line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feedback file " + file + ": " + e.getMessage(), e);
        }
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
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing is lost: every line was forced when written
            }
            out = null;
        }
    }
}
