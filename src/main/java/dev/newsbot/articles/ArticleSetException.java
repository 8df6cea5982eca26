package dev.newsbot.articles;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when an article set cannot be loaded. Carries every problem found, never just the first; the message
 * lists them (the first {@value #LISTED} at most).
 */
public final class ArticleSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final int LISTED = 20;

    private final transient List<Problem> problems;

    public ArticleSetException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file and line order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        Objects.requireNonNull(problems, "problems must not be null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("ArticleSetException.problems must not be empty");
        }
        String listed = problems.stream().limit(LISTED).map(Problem::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        String more = problems.size() > LISTED ? "\n  ... and " + (problems.size() - LISTED) + " more" : "";
        return "cannot load article set: " + ValidationReport.count(problems.size(), "problem") + listed + more;
    }
}
