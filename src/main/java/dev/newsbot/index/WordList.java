package dev.newsbot.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a bundled word list: a resource beside the class that uses it, white-space separated entries, '#' starting
 * a comment. The one reader of the word lists of every package.
 */
public final class WordList {

    private WordList() {
    }

    /** The words of the resource {@code name} beside {@code owner}, lower-cased. */
    public static Set<String> load(Class<?> owner, String name) {
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines(owner, name)) {
            String content = line.replaceFirst("#.*", "").strip();
            for (String word : content.isEmpty() ? new String[0] : content.split("\\s+")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(words);
    }

    /**
     * One line of a list of the form {@code kind: entries}: its line number from 1, the text before the colon
     * and the text after it, both stripped.
     */
    public record KindLine(int number, String kind, String entries) {
    }

    /**
     * The {@code kind: entries} lines of {@code lines}, comments and blank lines left out; a line without a colon is
     * an error naming {@code list} and the line.
     */
    public static List<KindLine> kindLines(String list, List<String> lines) {
        List<KindLine> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(list + " line " + (i + 1) + ": expected 'kind: entries', was: "
                        + line);
            }
            parsed.add(new KindLine(i + 1, line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return parsed;
    }

    /** The lines of the resource {@code name} beside {@code owner}, as written. */
    public static List<String> lines(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list " + name + " is missing from the jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled word list " + name, e);
        }
    }
}
