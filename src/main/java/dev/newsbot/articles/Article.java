package dev.newsbot.articles;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article. Only {@code id}, {@code title} and {@code body} are required; the other fields are
 * {@code null} when the source does not say them, and are never invented.
 *
 * @param id        stable identifier; loaders derive it from the url, or from a content hash when there is no url
 * @param title     headline
 * @param source    outlet name, such as "CNN"; may be null
 * @param url       canonical link; may be null
 * @param published publication date; may be null
 * @param author    byline; may be null
 * @param body      full text, paragraphs separated by blank lines
 */
public record Article(String id, String title, String source, String url, Published published, String author,
                      String body) {

    public Article {
        id = requireText(id, "id");
        title = requireText(title, "title");
        body = requireText(body, "body");
        source = blankToNull(source);
        url = blankToNull(url);
        author = blankToNull(author);
    }

    /** The publication day, if known. */
    public Optional<LocalDate> publishedDate() {
        return Optional.ofNullable(published).map(Published::date);
    }

    private static String requireText(String value, String field) {
        Objects.requireNonNull(value, () -> "Article." + field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Article." + field + " must not be blank");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
