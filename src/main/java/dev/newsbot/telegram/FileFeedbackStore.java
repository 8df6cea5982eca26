package dev.newsbot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@link FeedbackStore} of one process: {@code feedback.jsonl}, append-only, each line forced to disk before
 * {@link #append} returns, and {@code feedback.salt} (32 random bytes in hex, created on first use). A line torn by a
 * crash is ended at open, so the next vote starts a line of its own. Without a folder, everything is kept in memory.
 */
final class FileFeedbackStore implements FeedbackStore {

    private final Path file;
    private final byte[] salt;
    private final Map<String, String> last = new HashMap<>();
    private final List<String> memory = new ArrayList<>();
    private FileChannel out;

    private FileFeedbackStore(Path file, byte[] salt) {
        this.file = file;
        this.salt = salt;
    }

    /** The store in {@code dir} (created when missing); null keeps the votes in memory only. */
    static FileFeedbackStore open(Path dir) {
        if (dir == null) {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            return new FileFeedbackStore(null, salt);
        }
        try {
            Files.createDirectories(dir);
            FileFeedbackStore store = new FileFeedbackStore(dir.resolve(FeedbackLog.FILE),
                    salt(dir.resolve(FeedbackLog.SALT)));
            store.readLastVotes();
            store.out = FileChannel.open(store.file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            store.endTornLine();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the feedback file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The install's salt: read, or on first use 32 random bytes written (readable by the owner only). */
    private static byte[] salt(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path tmp = file.resolveSibling(FeedbackLog.SALT + ".tmp");
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

    private void endTornLine() throws IOException {
        ByteBuffer lastByte = ByteBuffer.allocate(1);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() == 0) {
                return;
            }
            in.read(lastByte, in.size() - 1);
        }
        if (lastByte.get(0) != '\n') {
            write("\n");
        }
    }

    private void readLastVotes() {
        FeedbackExport.read(file).forEach(v -> last.put(v.answerId() + "/" + v.user(), v.vote().label()));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public synchronized boolean append(String key, String vote, String line) {
        if (vote.equals(last.get(key))) {
            return false;
        }
        if (out != null) {
            write(line + "\n");
        } else {
            memory.add(line);
        }
        last.put(key, vote);
        return true;
    }

    @Override
    public synchronized List<String> lines() {
        if (file == null) {
            return List.copyOf(memory);
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feedback file " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(String text) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feedback file " + file + ": " + e.getMessage(), e);
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
