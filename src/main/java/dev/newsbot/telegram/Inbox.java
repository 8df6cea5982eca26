package dev.newsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The bot's durable inbox: an append-only journal ({@code inbox.journal}) of every update received (its JSON) and
 * the id of every update handled (answered, or decided not to need an answer). An update is journaled and forced to
 * disk before it is confirmed to Telegram, and marked handled once its answer was sent, so after a crash every
 * journaled update that is not marked handled is answered again ({@link #pending()}) and an update Telegram delivers
 * twice is recognised ({@link #receive}).
 *
 * <p>Each record is one line {@code <crc32 hex> <R|H|S> <payload>}: R carries the update's JSON (one line), H its
 * {@link #key} (update id, chat, message id, date) once handled, S its key once per start that found it pending;
 * an update pending at more than {@link #MAX_STARTS} starts is given up (it crashed the bot each time).
 * A line whose checksum does not match or that lacks its newline (a write torn by SIGKILL or power loss) is skipped
 * with a one-line warning; every earlier record stays good. The journal is compacted when opened and whenever it
 * has grown past {@link #COMPACT_BYTES}: the pending updates and the last {@link #REMEMBERED} handled ids are
 * written to a temporary file, forced, and renamed over the journal atomically.
 *
 * <p>{@link #inMemory()} gives the same behaviour without a file (tests, and bots without a home). Thread-safe.
 */
final class Inbox implements AutoCloseable {

    /** The journal's file name inside its folder. */
    static final String FILE = "inbox.journal";
    /** The journal is compacted once it grows past this many bytes. */
    static final long COMPACT_BYTES = 1 << 20;
    /** How many handled ids are remembered to recognise redelivered updates. */
    static final int REMEMBERED = 10_000;
    /**
     * How many starts may find an update still pending before it is given up: an update whose handling takes the
     * whole process down (not an ordinary error, which gets an apology and is marked handled) would otherwise crash
     * the bot at every start.
     */
    static final int MAX_STARTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final long compactBytes;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final LinkedHashSet<String> handled = new LinkedHashSet<>();
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private FileOutputStream out;
    private boolean damaged;

    private Inbox(Path file, long compactBytes) {
        this.file = file;
        this.compactBytes = compactBytes;
    }

    /** An inbox kept only in memory: nothing survives the process. */
    static Inbox inMemory() {
        return new Inbox(null, COMPACT_BYTES);
    }

    /**
     * Opens (or creates) the journal in {@code dir}, reads it, and compacts it.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or written
     */
    static Inbox open(Path dir) {
        return open(dir, COMPACT_BYTES);
    }

    /** {@link #open(Path)}, compacting whenever the journal grows past {@code compactBytes}. */
    static Inbox open(Path dir, long compactBytes) {
        Path file = dir.resolve(FILE);
        Inbox inbox = new Inbox(file, compactBytes);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                inbox.read();
            }
            inbox.giveUpPoisonUpdates();
            inbox.compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Telegram inbox " + file + ": " + e.getMessage(), e);
        }
        if (!inbox.pending.isEmpty()) {
            LOG.info("Inbox {}: {} update(s) received before the last stop are still to be answered", file,
                    inbox.pending.size());
        }
        return inbox;
    }

    /**
     * Counts this start for every pending update (compaction writes the counts as S records), and marks handled, with
     * one warning line each, the updates that were already pending at {@link #MAX_STARTS} earlier starts.
     */
    private void giveUpPoisonUpdates() {
        for (Iterator<String> it = pending.keySet().iterator(); it.hasNext(); ) {
            String key = it.next();
            int count = starts.merge(key, 1, Integer::sum);
            if (count > MAX_STARTS) {
                LOG.warn("Inbox {}: giving up update {}: it was still unanswered at {} starts in a row", file, key,
                        MAX_STARTS);
                it.remove();
                starts.remove(key);
                remember(key);
            }
        }
    }

    /**
     * Journals the updates not seen before and forces them to disk; returns those, in order. Updates already
     * journaled (pending or handled) are left out: Telegram delivered them again.
     *
     * @throws UncheckedIOException when the journal cannot be written; then nothing may be confirmed
     */
    synchronized List<Update> receive(List<Update> updates) {
        List<Update> fresh = new ArrayList<>();
        StringBuilder records = new StringBuilder();
        for (Update u : updates) {
            if (u == null || u.getUpdateId() == null || known(u)
                    || fresh.stream().anyMatch(f -> key(f).equals(key(u)))) {
                continue;
            }
            records.append(record('R', json(u)));
            fresh.add(u);
        }
        if (!fresh.isEmpty()) {
            append(records.toString());
            for (Update u : fresh) {
                pending.put(key(u), json(u));
            }
        }
        return fresh;
    }

    /** Marks the update handled (its answer sent, or none needed), forced to disk. Idempotent. */
    synchronized void handled(Update update) {
        String key = key(update);
        if (handled.contains(key) && !pending.containsKey(key)) {
            return;
        }
        append(record('H', key));
        pending.remove(key);
        starts.remove(key);
        remember(key);
        if (out != null && size() > compactBytes) {
            try {
                compact();
            } catch (IOException e) {
                LOG.warn("Could not compact the Telegram inbox {}: {}", file, e.getMessage(), e);
            }
        }
    }

    /** The journaled updates not yet handled, oldest first. */
    synchronized List<Update> pending() {
        List<Update> out = new ArrayList<>();
        for (String json : pending.values()) {
            try {
                out.add(JSON.readValue(json, Update.class));
            } catch (JsonProcessingException e) {
                LOG.warn("Inbox {}: skipping a journaled update that no longer parses: {}", file,
                        e.getOriginalMessage());
            }
        }
        return out;
    }

    /** True when the update was journaled before (pending or handled). */
    synchronized boolean known(Update update) {
        String key = key(update);
        return pending.containsKey(key) || handled.contains(key);
    }

    /**
     * What identifies an update: its id, and for a message its chat, message id and date, so that an update id
     * Telegram hands out again (it may restart its sequence after a quiet week) is not taken for a redelivery.
     */
    static String key(Update update) {
        return key(JSON.valueToTree(update));
    }

    private static String key(JsonNode update) {
        JsonNode m = update.path("message");
        return update.path("update_id").asInt() + (m.isObject() ? "/" + m.path("chat").path("id").asLong() + "/"
                + m.path("message_id").asInt() + "/" + m.path("date").asLong() : "");
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Closing the Telegram inbox {}: {}", file, e.getMessage(), e);
            }
            out = null;
        }
    }

    private void read() throws IOException {
        List<String> lines = lines(Files.readAllBytes(file));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean last = i == lines.size() - 1;
            if (!apply(line)) {
                LOG.warn("Inbox {} line {}: {} record skipped", file, i + 1,
                        last ? "torn (incomplete) last" : "corrupt (checksum mismatch)");
            }
        }
    }

    /** Splits into lines; an unterminated tail is kept as its own (torn) line marked by a missing newline. */
    private static List<String> lines(byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            out.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8) + "\u0000torn");
        }
        return out;
    }

    private boolean apply(String line) {
        if (line.length() < 12 || line.charAt(8) != ' ' || line.charAt(10) != ' ') {
            return false;
        }
        String body = line.substring(9);
        if (!line.substring(0, 8).equals(crc(body))) {
            return false;
        }
        String payload = body.substring(2);
        try {
            if (body.charAt(0) == 'R') {
                String key = key(JSON.readTree(payload));
                if (!handled.contains(key)) {
                    pending.put(key, payload);
                }
                return true;
            }
            if (body.charAt(0) == 'H') {
                pending.remove(payload);
                starts.remove(payload);
                remember(payload);
                return true;
            }
            if (body.charAt(0) == 'S') {
                starts.merge(payload, 1, Integer::sum);
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private void remember(String key) {
        handled.add(key);
        Iterator<String> oldest = handled.iterator();
        while (handled.size() > REMEMBERED) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Rewrites the journal as its live records (temp file, force, atomic rename) and reopens it for appending. */
    private void compact() throws IOException {
        if (file == null) {
            return;
        }
        close();
        StringBuilder text = new StringBuilder();
        for (String key : handled) {
            text.append(record('H', key));
        }
        for (String json : pending.values()) {
            text.append(record('R', json));
        }
        starts.forEach((key, count) -> text.append(record('S', key).repeat(count)));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileOutputStream tmpOut = new FileOutputStream(tmp.toFile(), false)) {
            tmpOut.write(text.toString().getBytes(StandardCharsets.UTF_8));
            tmpOut.getFD().sync();
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(file.getParent());
        out = new FileOutputStream(file.toFile(), true);
        damaged = false;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can force a folder; the rename is still atomic
        }
    }

    /**
     * Appends and syncs, with a stream rather than a channel so that an interrupted caller (a worker cancelled at
     * shutdown) cannot close the journal half-way through a record. After a failed append the file may end in a
     * partial record, so it is rewritten from memory before the next one.
     */
    private void append(String records) {
        if (file == null) {
            return;
        }
        try {
            if (damaged || out == null) {
                compact();
            }
            out.write(records.getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        } catch (IOException e) {
            damaged = true;
            close();
            throw new UncheckedIOException("cannot write the Telegram inbox " + file + ": " + e.getMessage(), e);
        }
    }

    private long size() {
        return file.toFile().length();
    }

    private static String record(char type, String payload) {
        String body = type + " " + payload;
        return crc(body) + " " + body + "\n";
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static String json(Update u) {
        try {
            return JSON.writeValueAsString(u);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("update " + u.getUpdateId() + " cannot be written as JSON", e);
        }
    }
}
