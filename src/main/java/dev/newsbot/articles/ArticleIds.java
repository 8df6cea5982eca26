package dev.newsbot.articles;

/**
 * The bare id rule for articles whose source gives no {@code id}: the first 16 hex digits of the SHA-256 of the
 * url, or, without a url, of the stripped title and body joined by a NUL character. The same input always gives
 * the same id.
 */
final class ArticleIds {

    static final int LENGTH = 16;

    private ArticleIds() {
    }

    static String fromUrl(String url) {
        return Sha256.hex(url.strip()).substring(0, LENGTH);
    }

    static String fromContent(String title, String body) {
        return Sha256.hex(title.strip() + '\u0000' + body.strip()).substring(0, LENGTH);
    }
}
