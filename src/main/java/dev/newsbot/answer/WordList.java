package dev.newsbot.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Reads a bundled word list: white-space separated entries, lower-cased, with '#' starting a comment. */
final class WordList {

    private WordList() {
    }

    /** The words of the resource {@code name} beside this class. */
    static Set<String> load(String name) {
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines(name)) {
            String content = line.replaceFirst("#.*", "").strip();
            for (String word : content.isEmpty() ? new String[0] : content.split("\\s+")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(words);
    }

    /** The lines of the resource {@code name} beside this class. */
    static java.util.List<String> lines(String name) {
        try (InputStream in = WordList.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list " + name + " is missing from the jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled word list " + name, e);
        }
    }
}
