package dev.newsbot.articles;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Articles read from the web: the {@code http(s)} feed URLs a set lists beside its files. Implemented outside this
 * package (package {@code sources}) and handed to {@link ArticleLoader}; bad input from the web is the reader's to
 * report (naming the URL) and never fails a load, so a feed that fails leaves the rest of its set, and its own last
 * good items, in place.
 */
public interface RemoteArticles {

    /**
     * The current articles of the feeds, each with an id by the bare id rule ({@link Article#idForUrl}).
     *
     * @param setName the set the feeds belong to, for status and metrics
     * @param feeds   the feed URLs, in the order the set lists them
     */
    List<Article> read(String setName, List<URI> feeds);

    /**
     * The URL a set path stands for: {@code http://host/feed.xml} written where a path is expected (a
     * {@link Path} joins the two slashes, so {@code http:/host/feed.xml} is read the same way).
     */
    static Optional<URI> urlOf(Path path) {
        return urlOf(path.toString());
    }

    /** The URL a configured path stands for, if it is one ({@code http://} or {@code https://}). */
    static Optional<URI> urlOf(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        for (String scheme : List.of("http:", "https:")) {
            if (lower.startsWith(scheme + "/")) {
                String rest = t.substring(scheme.length()).replaceFirst("^/+", "");
                try {
                    URI uri = new URI(scheme + "//" + rest);
                    return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
                } catch (java.net.URISyntaxException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
