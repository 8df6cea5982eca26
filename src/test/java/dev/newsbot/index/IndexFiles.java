package dev.newsbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Looks into an index folder on disk as a test needs to: its served version, its files, damage done to them. */
public final class IndexFiles {

    private IndexFiles() {
    }

    /** The version folder that {@code current} names. */
    public static Path servedVersion(Path index) {
        try {
            return index.resolve(Files.readString(index.resolve(IndexDirectory.CURRENT), StandardCharsets.UTF_8)
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest file of the served version: the float vectors. */
    public static Path largestFile(Path index) {
        try (Stream<Path> files = Files.list(servedVersion(index))) {
            return files.max(Comparator.comparingLong(IndexFiles::size)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code index}, relative, with its bytes' hash: equal maps mean nothing was rewritten. */
    public static Map<String, Integer> contents(Path index) {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.put(index.relativize(file).toString(), java.util.Arrays.hashCode(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Flips one bit in the middle of {@code file}. */
    public static void flipBit(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x40;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the last {@code bytes} bytes off {@code file}. */
    public static void truncate(Path file, int bytes) {
        try {
            byte[] all = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(all, all.length - bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
