package dev.newsbot.articles;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named, immutable set of articles with unique ids, in the order they were loaded.
 *
 * <p>The {@code version} identifies the content: {@link #of} makes it the first 12 hex digits of the SHA-256 over
 * the articles' {@link #contentHash content hashes} taken in id order, so the same articles give the same version
 * in any order, on any machine and across restarts, and any change to any field of any article gives a new one.
 *
 * @param name     the set's name, such as {@code "default"}
 * @param version  the content version
 * @param articles the articles; ids are unique
 */
public record ArticleSet(String name, String version, List<Article> articles) {

    static final int VERSION_LENGTH = 12;

    public ArticleSet {
        Objects.requireNonNull(name, "ArticleSet.name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("ArticleSet.name must not be blank");
        }
        Objects.requireNonNull(version, "ArticleSet.version must not be null");
        articles = List.copyOf(Objects.requireNonNull(articles, "ArticleSet.articles must not be null"));
        requireUniqueIds(articles);
    }

    /** A set whose version is computed from its articles' content. */
    public static ArticleSet of(String name, List<Article> articles) {
        return new ArticleSet(name, versionOf(articles), articles);
    }

    /**
     * SHA-256 (lower-case hex) over every field of the article, each written with its name and length so that
     * no two different articles hash alike by shifting text between fields. Stable across runs and machines.
     */
    public static String contentHash(Article article) {
        StringBuilder text = new StringBuilder();
        field(text, "id", article.id());
        field(text, "url", article.url());
        field(text, "title", article.title());
        field(text, "source", article.source());
        field(text, "published", article.published() == null ? null : article.published().toString());
        field(text, "author", article.author());
        field(text, "body", article.body());
        return Sha256.hex(text.toString());
    }

    /** The newest publication day among the articles, or empty when none is dated. */
    public Optional<LocalDate> newest() {
        return articles.stream().flatMap(a -> a.publishedDate().stream()).max(Comparator.naturalOrder());
    }

    static String versionOf(List<Article> articles) {
        String hashes = articles.stream()
                .sorted(Comparator.comparing(Article::id))
                .map(ArticleSet::contentHash)
                .collect(Collectors.joining("\n"));
        return Sha256.hex(hashes).substring(0, VERSION_LENGTH);
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append(' ');
        if (value == null) {
            text.append("null\n");
        } else {
            text.append(value.length()).append(' ').append(value).append('\n');
        }
    }

    private static void requireUniqueIds(List<Article> articles) {
        Set<String> seen = new HashSet<>();
        for (Article article : articles) {
            if (!seen.add(article.id())) {
                throw new IllegalArgumentException("ArticleSet.articles has duplicate id " + article.id());
            }
        }
    }
}
