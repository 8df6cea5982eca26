package dev.newsbot.articles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A named, validated set of articles. Placeholder until the loader branch lands. */
public record ArticleSet(String name, String version, List<Article> articles) {

    public ArticleSet {
        Objects.requireNonNull(name, "ArticleSet.name must not be null");
        Objects.requireNonNull(version, "ArticleSet.version must not be null");
        articles = List.copyOf(Objects.requireNonNull(articles, "ArticleSet.articles must not be null"));
    }

    public static ArticleSet of(String name, List<Article> articles) {
        MessageDigest digest = sha256();
        articles.stream().sorted(Comparator.comparing(Article::id))
                .forEach(a -> digest.update(contentHash(a).getBytes(StandardCharsets.UTF_8)));
        return new ArticleSet(name, HexFormat.of().formatHex(digest.digest()).substring(0, 12), articles);
    }

    public Optional<LocalDate> newest() {
        return articles.stream().flatMap(a -> a.publishedDate().stream()).max(Comparator.naturalOrder());
    }

    public static String contentHash(Article a) {
        MessageDigest digest = sha256();
        for (Object field : new Object[] {a.id(), a.title(), a.source(), a.url(), a.published(), a.author(), a.body()}) {
            digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
