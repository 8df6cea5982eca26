package dev.newsbot.index;

import dev.newsbot.articles.Article;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words of a news URL's slug ("/2022/06/15/business/ford-recall/index.html" gives "ford recall"): editors
 * write slugs as short headlines, so they find an article whose title or text was badly captured. Only path
 * segments with a hyphen between letters count, so dates, sections, ids and file names add nothing.
 */
public final class UrlSlugs {

    private static final Pattern SLUG = Pattern.compile("\\p{L}+-\\p{L}+");
    private static final Pattern EXTENSION = Pattern.compile("\\.[a-z0-9]{1,5}$");

    private UrlSlugs() {
    }

    /** What keyword search scores in front of each passage of {@code article}: its title and slug words. */
    public static String heading(Article article) {
        return (article.title() + " " + words(article.url())).strip();
    }

    /** The slug words of {@code url}, separated by spaces; empty for a null or unreadable URL. */
    static String words(String url) {
        if (url == null) {
            return "";
        }
        String path;
        try {
            path = URI.create(url.strip()).getRawPath();
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (path == null) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String segment : path.split("/")) {
            String name = EXTENSION.matcher(segment).replaceFirst("");
            if (SLUG.matcher(name).find()) {
                words.add(name.replaceAll("[-_+]+", " ").strip());
            }
        }
        return String.join(" ", words);
    }
}
