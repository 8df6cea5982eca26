package dev.newsbot.articles;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one article as read from its source, before validation, with the line each came from. A field
 * can be present with a null value; a rejected field (wrong type) has already been reported.
 */
final class RawRecord {

    private final Path file;
    private final int line;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Set<String> rejected = new HashSet<>();

    RawRecord(Path file, int line) {
        this.file = file;
        this.line = line;
    }

    Path file() {
        return file;
    }

    /** The line where the record starts. */
    int line() {
        return line;
    }

    /** Stores the value without control characters ({@link ArticleText#clean}), so validation sees what is kept. */
    void put(String field, String value, int fieldLine) {
        values.put(field, ArticleText.clean(value));
        lines.put(field, fieldLine);
    }

    void reject(String field, int fieldLine) {
        rejected.add(field);
        lines.put(field, fieldLine);
    }

    boolean seen(String field) {
        return values.containsKey(field) || rejected.contains(field);
    }

    boolean isRejected(String field) {
        return rejected.contains(field);
    }

    boolean hasRejected() {
        return !rejected.isEmpty();
    }

    /** The field's value; null when absent or null. */
    String get(String field) {
        return values.get(field);
    }

    /** The line of the field, or of the record when the field is absent. */
    int lineOf(String field) {
        return lines.getOrDefault(field, line);
    }

    Problem problem(String field, String message) {
        return new Problem(file, lineOf(field), field, message);
    }
}
