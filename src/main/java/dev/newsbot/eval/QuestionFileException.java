package dev.newsbot.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when a question file has problems. It lists every problem found in the file, not only the first, so one
 * run is enough to see all that needs fixing.
 */
public final class QuestionFileException extends RuntimeException {

    private static final int MAX_LISTED = 50;

    private final Path file;
    private final List<Problem> problems;

    QuestionFileException(Path file, List<Problem> problems) {
        super(describe(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file that was read. */
    public Path file() {
        return file;
    }

    /** Every problem found, in file order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(Path file, List<Problem> problems) {
        String listed = problems.stream().limit(MAX_LISTED).map(p -> "  " + file + ":" + p)
                .collect(Collectors.joining("\n"));
        String more = problems.size() > MAX_LISTED ? "\n  ... and " + (problems.size() - MAX_LISTED) + " more" : "";
        return problems.size() + " problem(s) in question file " + file + ":\n" + listed + more;
    }

    /**
     * One problem in a question file.
     *
     * @param line    the 1-based line number
     * @param field   the JSON field at fault, or null when the line as a whole is (malformed JSON)
     * @param message what is wrong
     */
    public record Problem(int line, String field, String message) {

        public Problem {
            Objects.requireNonNull(message, "Problem.message must not be null");
        }

        /** {@code "3: field asked_on: ..."}, or {@code "3: ..."} when no field is at fault. */
        @Override
        public String toString() {
            return line + ": " + (field == null ? "" : "field " + field + ": ") + message;
        }
    }
}
