package dev.newsbot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The groups the bot has greeted, so that it greets each at most once however often it is removed and added again:
 * {@code greeted.txt}, one chat id a line, appended and forced to disk before the greeting is sent (a crash in
 * between costs that group its greeting, never a second one). A torn last line is ignored. Without a folder it
 * remembers only until the process ends. Thread-safe.
 */
final class Greetings {

    static final String FILE = "greeted.txt";

    private final Path file;
    private final Set<Long> greeted = new HashSet<>();

    private Greetings(Path file) {
        this.file = file;
    }

    static Greetings open(Path dir) {
        Greetings g = new Greetings(dir == null ? null : dir.resolve(FILE));
        if (g.file != null) {
            g.read();
        }
        return g;
    }

    private void read() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    greeted.add(Long.parseLong(line.strip()));
                } catch (NumberFormatException e) {
                    // a line torn by a crash: that group was not greeted
                }
            }
        } catch (NoSuchFileException e) {
            // nobody greeted yet
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** True (and remembered durably) the first time for {@code chatId}; false ever after. */
    synchronized boolean first(long chatId) {
        if (greeted.contains(chatId)) {
            return false;
        }
        if (file != null) {
            append(chatId + "\n");
        }
        greeted.add(chatId);
        return true;
    }

    private void append(String line) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    c.write(bytes);
                }
                c.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
