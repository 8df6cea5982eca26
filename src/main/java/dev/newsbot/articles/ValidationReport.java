package dev.newsbot.articles;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Plain-text report of a load for the command line's {@code validate PATH...}: every problem on its own line,
 * then a summary such as {@code 3 errors in 2 files}, or {@code OK: 218 articles in 1 file} alone.
 */
public final class ValidationReport {

    private ValidationReport() {
    }

    /** The report, one line per problem and a summary line, each ended by a newline. */
    public static String format(LoadResult result) {
        Objects.requireNonNull(result, "result must not be null");
        if (result.isOk()) {
            return "OK: " + count(result.set().articles().size(), "article") + " in "
                    + count(result.files().size(), "file") + "\n";
        }
        long files = result.problems().stream().map(Problem::file).distinct().count();
        return result.problems().stream().map(p -> p + "\n").collect(Collectors.joining())
                + count(result.problems().size(), "error") + " in " + count(files, "file") + "\n";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
