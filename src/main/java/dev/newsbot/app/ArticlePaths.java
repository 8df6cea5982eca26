package dev.newsbot.app;

import dev.newsbot.articles.ArticleLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one rule of {@code --articles}: it takes one path, and is repeated for several
 * ({@code --articles news/ --articles extra.jsonl}). A second path written after one {@code --articles} is either
 * an unmatched argument ({@code run}, {@code chat}, {@code eval}) or would be asked as a question ({@code ask});
 * both are refused with one line that shows the repeated form.
 */
final class ArticlePaths {

    /** The rule as {@code --help} shows it. */
    static final String RULE = "One path per --articles; repeat it for several: --articles news/ --articles extra.jsonl.";

    private ArticlePaths() {
    }

    /** An argument that names an article file or folder where something else was expected. */
    static final class StrayPath extends ParameterException {
        StrayPath(CommandLine line, String message) {
            super(line, message);
        }
    }

    /**
     * Refuses a question that names an existing article file or folder: {@code ask --articles a.jsonl b.jsonl "Q"}
     * meant {@code --articles a.jsonl --articles b.jsonl}.
     */
    static void refuseAsQuestions(CommandLine line, List<String> questions) {
        List<String> articles = line.getCommandSpec().findOption("--articles").originalStringValues();
        for (String question : questions) {
            if (isArticlePath(question)) {
                throw new StrayPath(line, "\"" + question + "\" is an article path, not a question: "
                        + repeated(articles, question.strip()));
            }
        }
    }

    /** The one-line hint for a path left over after {@code --articles PATH}, if that is what went wrong. */
    static Optional<String> hint(ParameterException e, String[] args) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()
                || e.getCommandLine().getCommandSpec().findOption("--articles") == null) {
            return Optional.empty();
        }
        String stray = unmatched.getUnmatched().get(0);
        List<String> given = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean joined = args[i].startsWith("--articles=");
            int next = joined ? i + 1 : i + 2;
            if (joined || args[i].equals("--articles") && i + 1 < args.length) {
                String value = joined ? args[i].substring("--articles=".length()) : args[i + 1];
                given.add(value);
                if (next < args.length && args[next].equals(stray)) {
                    return Optional.of("\"" + stray + "\" follows --articles " + value + ": "
                            + repeated(given, stray));
                }
            }
        }
        return Optional.empty();
    }

    private static String repeated(List<String> given, String stray) {
        List<String> all = new ArrayList<>(given);
        all.add(stray);
        return "--articles takes one path; repeat it for several: "
                + all.stream().map(p -> "--articles " + p).collect(Collectors.joining(" "));
    }

    /** An existing file with an article extension, or an existing folder written as a path (with a slash). */
    static boolean isArticlePath(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return false;
        }
        try {
            Path path = Path.of(stripped);
            if (Files.isDirectory(path)) {
                return stripped.contains("/") || stripped.contains(java.io.File.separator);
            }
            return Files.isRegularFile(path) && ArticleLoader.readsFileNamed(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
