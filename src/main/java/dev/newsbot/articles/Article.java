package dev.newsbot.articles;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article. Only {@code id}, {@code title} and {@code body} are required; the other fields are
 * {@code null} when the source does not say them, and are never invented. No field holds a control character other
 * than newline and tab (the constructor removes them, a CR becomes a newline), so no front end ever prints a
 * terminal escape or a NUL from an article; title and body always show something.
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

    /** The id of an article known by its url alone (the bare id rule), as web sources need it. */
    public static String idForUrl(String url) {
        return ArticleIds.fromUrl(Objects.requireNonNull(url, "url must not be null"));
    }

    /** The publication day, if known. */
    public Optional<LocalDate> publishedDate() {
        return Optional.ofNullable(published).map(Published::date);
    }

    private static String requireText(String value, String field) {
        Objects.requireNonNull(value, () -> "Article." + field + " must not be null");
        String text = ArticleText.clean(value);
        if (ArticleText.isBlank(text)) {
            throw new IllegalArgumentException("Article." + field + " must not be blank");
        }
        return text.strip();
    }

    private static String blankToNull(String value) {
        String text = ArticleText.clean(value);
        return text == null || text.isBlank() ? null : text.strip();
    }
}
