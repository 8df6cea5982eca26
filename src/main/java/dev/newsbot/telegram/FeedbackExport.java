package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the feedback file ({@code NEWSBOT_HOME/telegram/feedback.jsonl}) into evaluation questions in the format of
 * {@code shared/eval/FORMAT.md}, so that operators can turn complaints into test sets. Each rated answer becomes one
 * question ({@code id} {@code fb-<answer id>}), counting each user's last vote only. An answer rated up becomes an
 * answerable question whose {@code gold_urls} are the cited articles (or, when it was a refusal, an unanswerable
 * one); an answer rated down keeps {@code gold_urls} empty and {@code answerable} true for a refusal (the user
 * expected an answer) and for an answer alike: the operator fills in the gold. The bot's answer, the set, its
 * version and the vote counts ride along in extra fields that the question loader ignores.
 */
public final class FeedbackExport {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackExport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackExport() {
    }

    /**
     * Writes the questions to {@code out}.
     *
     * @param dir   the folder holding {@code feedback.jsonl} (e.g. {@code NEWSBOT_HOME/telegram})
     * @param since only votes cast on or after this day (UTC); null for all
     * @param votes which answers to keep: those with at least one current vote of these kinds ("up", "down")
     * @return how many questions were written
     */
    public static int export(Path dir, LocalDate since, Set<String> votes, Path out) {
        requireKinds(votes);
        Path file = dir.resolve(FeedbackLog.FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no feedback file (no votes yet?)");
        }
        return export(read(file), since, votes, out);
    }

    /**
     * Writes the questions of the votes in {@code store} (the fleet's, when the bot runs as replicas) to {@code out}.
     *
     * @return how many questions were written
     */
    public static int export(FeedbackStore store, LocalDate since, Set<String> votes, Path out) {
        requireKinds(votes);
        List<String> lines = store.lines();
        List<Vote> read = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                read.add(vote(JSON.readTree(lines.get(i))));
            } catch (IOException | RuntimeException e) {
                LOG.warn("feedback line {}: skipping an unreadable line: {}", i + 1, e.getMessage());
            }
        }
        return export(read, since, votes, out);
    }

    private static void requireKinds(Set<String> votes) {
        Objects.requireNonNull(votes, "votes must not be null");
        for (String v : votes) {
            if (!v.equals("up") && !v.equals("down")) {
                throw new IllegalArgumentException("votes: expected up or down, was '" + v + "'");
            }
        }
    }

    private static int export(List<Vote> read, LocalDate since, Set<String> votes, Path out) {
        Map<String, Rated> rated = new LinkedHashMap<>();
        for (Vote v : read) {
            if (since == null || !v.time().atZone(ZoneOffset.UTC).toLocalDate().isBefore(since)) {
                rated.computeIfAbsent(v.answerId(), id -> new Rated(v.line())).votes.put(v.user(), v.vote());
            }
        }
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, Rated> e : rated.entrySet()) {
            Rated r = e.getValue();
            if (r.votes.values().stream().anyMatch(v -> votes.contains(v.label()))) {
                text.append(question(e.getKey(), r)).append('\n');
                n++;
            }
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return n;
    }

    private static String question(String answerId, Rated r) {
        JsonNode l = r.line;
        long up = r.votes.values().stream().filter(v -> v == FeedbackLog.Vote.UP).count();
        long down = r.votes.size() - up;
        boolean refused = l.path("refused").asBoolean();
        boolean liked = up > down;
        ObjectNode q = JSON.createObjectNode().put("id", "fb-" + answerId).put("question", l.path("question").asText())
                .put("asked_on", l.path("asked_on").asText()).put("type", liked ? "feedback-up" : "feedback-down")
                .put("answerable", !(liked && refused));
        var gold = q.putArray("gold_urls");
        if (liked && !refused) {
            l.path("cited_urls").forEach(u -> gold.add(u.asText()));
        }
        q.putArray("answers");
        q.putArray("distractors");
        q.putArray("evidence");
        q.put("bot_answer", l.path("answer").asText()).put("bot_refused", refused)
                .put("set", l.path("set").asText()).put("set_version", l.path("set_version").asText())
                .put("votes_up", up).put("votes_down", down);
        return q.toString();
    }

    /** The votes in the file, in order; lines that cannot be read (a torn last write) are skipped with a warning. */
    static List<Vote> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feedback file " + file + ": " + e.getMessage(), e);
        }
        List<Vote> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(vote(JSON.readTree(lines.get(i))));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}:{}: skipping an unreadable feedback line: {}", file, i + 1, e.getMessage());
            }
        }
        return out;
    }

    private static Vote vote(JsonNode n) {
        String answerId = required(n, "answer_id");
        String user = required(n, "user");
        FeedbackLog.Vote vote = FeedbackLog.Vote.valueOf(required(n, "vote").toUpperCase(Locale.ROOT));
        required(n, "question");
        required(n, "asked_on");
        try {
            return new Vote(Instant.parse(required(n, "time")), answerId, user, vote, n);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return v.asText();
    }

    /** One line of the feedback file. */
    record Vote(Instant time, String answerId, String user, FeedbackLog.Vote vote, JsonNode line) {
    }

    /** An answer's latest line and each user's last vote. */
    private static final class Rated {

        JsonNode line;
        final Map<String, FeedbackLog.Vote> votes = new LinkedHashMap<>();

        Rated(JsonNode line) {
            this.line = line;
        }
    }
}
