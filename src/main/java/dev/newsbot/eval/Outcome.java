package dev.newsbot.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the bot did for one evaluation question. Articles are named by key: the article's url, or its id when it
 * has no url (see {@link #articleKey}). Both lists are immutable and hold each key once, at its first position.
 *
 * @param question          the question asked
 * @param rankedArticleUrls the distinct articles that retrieval gave the answerer, best first
 * @param reply             the whole reply text the user would see, including any short answer but not the
 *                          numbered source list; may be empty
 * @param citedUrls         the articles actually cited in the reply, in order of first citation
 * @param refused           true when the bot said the articles do not hold the answer
 * @param latencyMs         wall-clock time to answer, in milliseconds
 */
public record Outcome(EvalQuestion question, List<String> rankedArticleUrls, String reply, List<String> citedUrls,
                      boolean refused, long latencyMs) {

    public Outcome {
        Objects.requireNonNull(question, "Outcome.question must not be null");
        rankedArticleUrls = distinct(rankedArticleUrls, "rankedArticleUrls");
        Objects.requireNonNull(reply, "Outcome.reply must not be null");
        citedUrls = distinct(citedUrls, "citedUrls");
        if (latencyMs < 0) {
            throw new IllegalArgumentException("Outcome.latencyMs must not be negative, was " + latencyMs);
        }
    }

    /**
     * The key that names an article in an outcome: its url, or its id when the url is null or blank.
     *
     * @throws NullPointerException when both are missing
     */
    public static String articleKey(String url, String id) {
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        return Objects.requireNonNull(id, "an article needs a url or an id");
    }

    private static List<String> distinct(List<String> keys, String field) {
        Objects.requireNonNull(keys, () -> "Outcome." + field + " must not be null");
        if (keys.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Outcome." + field + " must not contain null");
        }
        return List.copyOf(new LinkedHashSet<>(keys));
    }
}
