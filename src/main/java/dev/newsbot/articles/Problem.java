package dev.newsbot.articles;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with an article source, placed as precisely as the loader can: a file, a line and a field.
 * {@link #toString()} renders it the way compilers do, for example
 * {@code articles.jsonl:12: published: cannot parse "2022-13-45" as an ISO date or date-time}.
 *
 * @param file    the file (or directory, or missing path) the problem is in
 * @param line    the 1-based line, or 0 when the problem is not about one line
 * @param field   the article field concerned, such as {@code "title"}, or null
 * @param message what is wrong, in plain words
 */
public record Problem(Path file, int line, String field, String message) {

    public Problem {
        Objects.requireNonNull(file, "Problem.file must not be null");
        if (line < 0) {
            throw new IllegalArgumentException("Problem.line must not be negative, was " + line);
        }
        Objects.requireNonNull(message, "Problem.message must not be null");
        if (message.isBlank()) {
            throw new IllegalArgumentException("Problem.message must not be blank");
        }
    }

    /** {@code file:line}, or just {@code file} when the line is 0. */
    static String place(Path file, int line) {
        return line > 0 ? file + ":" + line : file.toString();
    }

    /** {@code file:line: field: message}; the line and field parts are left out when unknown. */
    @Override
    public String toString() {
        return place(file, line) + ": " + (field != null ? field + ": " : "") + message;
    }
}
