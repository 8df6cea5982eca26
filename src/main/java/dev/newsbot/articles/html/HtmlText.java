package dev.newsbot.articles.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Extracts readable text from HTML with jsoup. Stateless and thread-safe. */
public final class HtmlText {

    /** Elements that never hold the article's text. */
    private static final String NOISE = "script, style, noscript, template, iframe, svg, canvas, form, button, "
            + "nav, header, footer, aside, figure, figcaption, picture, video, audio, [role=navigation], "
            + "[role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden], "
            + "address, [rel=author], [itemprop=author]";

    /** Class or id words of boxes around the text: share buttons, bylines, newsletters, related links, ads. */
    private static final Pattern BOX = Pattern.compile("(^|[-_\\s])(share|sharing|social|byline|author|newsletter"
            + "|related|promo|advert|ad|ads|subscribe|signup|comments?|caption|credit|breadcrumbs?|tags|cookie"
            + "|read-?more|more-stories|recirc)([-_\\s]|$)", Pattern.CASE_INSENSITIVE);

    /** A paragraph that only points elsewhere: "Read more", "Continue reading", "Related: ...". */
    private static final Pattern POINTER = Pattern.compile("^(read more|continue reading|read the full (story|"
            + "article)|related|see also|more on this|click here|sign up|subscribe)\\b.{0,80}$",
            Pattern.CASE_INSENSITIVE);

    /** The blocks of text kept. */
    private static final String BLOCKS = "p, h2, h3, h4, li, blockquote, pre";

    private HtmlText() {
    }

    /** True when the text looks like HTML markup rather than plain text. */
    public static boolean looksLikeHtml(String text) {
        return text != null && Pattern.compile("</?(p|br|div|span|a|em|strong|b|i|ul|ol|li|h[1-6]|blockquote"
                + "|img|figure|table)(\\s[^>]*)?/?>", Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /**
     * The text of an HTML body (a fragment, such as a feed item's content): its paragraphs separated by blank lines,
     * without the noise above. Text outside any paragraph (a fragment of bare text and {@code <br>}s) is kept too.
     */
    public static String ofBody(String html) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
        clean(document.body());
        String text = paragraphs(document.body());
        return text.isBlank() ? document.body().wholeText().strip().replaceAll("\\n{3,}", "\n\n") : text;
    }

    /**
     * The main text of a whole web page: the {@code <article>} (or {@code <main>}, or the element holding the most
     * paragraph text) without the noise above; empty when the page shows no paragraph of text.
     */
    public static Optional<String> ofPage(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        clean(document.body());
        Element main = mainElement(document);
        String text = main == null ? "" : paragraphs(main);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** The page's title: its {@code og:title}, else its first {@code <h1>}, else its {@code <title>}. */
    public static Optional<String> titleOf(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        String og = document.select("meta[property=og:title]").attr("content");
        String h1 = document.select("h1").text();
        String title = !og.isBlank() ? og : !h1.isBlank() ? h1 : document.title();
        return title.isBlank() ? Optional.empty() : Optional.of(title.strip());
    }

    private static void clean(Element root) {
        root.select(NOISE).remove();
        List<Element> boxes = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && (BOX.matcher(e.className()).find() || BOX.matcher(e.id()).find())) {
                boxes.add(e);
            }
        }
        boxes.forEach(Element::remove);
    }

    private static Element mainElement(Document document) {
        Elements articles = document.select("article");
        if (articles.size() == 1) {
            return articles.first();
        }
        Element main = document.selectFirst("main, [role=main], [itemprop=articleBody]");
        if (main != null) {
            return main;
        }
        Element best = null;
        int bestLength = 0;
        for (Element p : document.body().select("p")) {
            Element parent = p.parent();
            int length = parent == null ? 0 : parent.select("> p").text().length();
            if (parent != null && length > bestLength) {
                best = parent;
                bestLength = length;
            }
        }
        return best;
    }

    private static String paragraphs(Element root) {
        List<String> kept = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            if (!block.select(BLOCKS).stream().filter(e -> e != block).findAny().isEmpty()) {
                continue; // its inner blocks are kept one by one
            }
            String text = block.text().strip();
            if (!text.isEmpty() && !POINTER.matcher(text.toLowerCase(Locale.ROOT)).matches()
                    && !text.matches("(?i)^(by|von|par|por)\\s+\\S+(\\s+\\S+){0,4}$")) {
                kept.add(text);
            }
        }
        return String.join("\n\n", kept);
    }
}
