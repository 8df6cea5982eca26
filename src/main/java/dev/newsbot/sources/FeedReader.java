package dev.newsbot.sources;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.Published;
import dev.newsbot.articles.RemoteArticles;
import dev.newsbot.articles.html.HtmlText;
import dev.newsbot.config.NewsbotConfig;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;

/**
 * Reads RSS 2.0 and Atom feeds into articles, keeping what it has read between fetches: each feed's items
 * accumulate (an item that leaves the feed stays until the retention drops it), a feed that fails keeps its last
 * good items, and an unchanged feed (HTTP 304 to a conditional GET) is not parsed again.
 *
 * <p>An item becomes an article: its title, its link as url (and id, by the bare id rule), the feed's title as
 * outlet, its publication (else update) date, its author. Its body is the item's full content when the feed has
 * at least {@value #FULL_CONTENT_CHARS} characters of it; otherwise the linked page's main text (fetched once, if
 * robots.txt allows), falling back to the item's summary when the page cannot be read. Thread-safe; reads of one
 * feed are serialised.
 */
public final class FeedReader implements RemoteArticles {

    static final String OK = "ok";
    static final String NOT_MODIFIED = "not_modified";
    static final String FAILED = "failed";

    /** Below this many characters of text, a feed's content is a summary and the linked page is fetched. */
    static final int FULL_CONTENT_CHARS = 500;

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final Fetcher fetcher;
    private final Robots robots;
    private final Clock clock;
    private final Duration keep;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final List<Consumer<FeedStatus>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param settings the {@code sources} settings: user agent, size and time limits, retention, extra hosts
     * @param feedUrls every feed URL the configuration lists: their hosts may be fetched from
     * @param clock    for retention and first-seen times
     */
    public FeedReader(NewsbotConfig.Sources settings, Collection<URI> feedUrls, Clock clock) {
        Set<String> hosts = new TreeSet<>(settings.allowHosts());
        feedUrls.forEach(u -> hosts.add(u.getHost().toLowerCase(Locale.ROOT)));
        this.fetcher = new Fetcher(hosts, settings.userAgent(), settings.maxBytes(),
                Duration.ofSeconds(settings.timeoutSeconds()));
        this.robots = new Robots(fetcher, settings.userAgent(), clock);
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.keep = Duration.ofDays(settings.keepDays());
    }

    /** Calls {@code listener} after each fetch of a feed, on the fetching thread (metrics). */
    public void onFetch(Consumer<FeedStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    @Override
    public List<Article> read(String setName, List<URI> urls) {
        List<Article> articles = new ArrayList<>();
        for (URI url : urls) {
            Feed feed = feeds.computeIfAbsent(setName + " " + url, k -> new Feed(setName, url));
            synchronized (feed) {
                FeedStatus status = refresh(feed);
                listeners.forEach(l -> l.accept(status));
                feed.kept.values().stream().map(Kept::article).forEach(articles::add);
            }
        }
        return articles;
    }

    /** The last fetch of every feed read so far, by set and then URL. */
    public List<FeedStatus> status() {
        return feeds.values().stream().map(f -> f.status).filter(Objects::nonNull)
                .sorted(Comparator.comparing(FeedStatus::set).thenComparing(FeedStatus::url)).toList();
    }

    private FeedStatus refresh(Feed feed) {
        Instant now = clock.instant();
        List<String> errors = new ArrayList<>();
        String result;
        try {
            Response response = fetcher.get(feed.url, feed.etag, feed.lastModified);
            if (response.notModified()) {
                result = NOT_MODIFIED;
            } else {
                requireFeedType(feed.url, response);
                SyndFeed parsed = parse(feed.url, response);
                readItems(feed, parsed, errors, now);
                feed.etag = response.etag();
                feed.lastModified = response.lastModified();
                result = OK;
            }
            feed.lastSuccess = now;
        } catch (FetchException e) {
            errors.add(0, e.getMessage());
            result = FAILED;
        }
        feed.kept.values().removeIf(k -> k.time().isBefore(now.minus(keep)));
        errors.forEach(e -> log.warn("Set \"{}\": {}", feed.set, e));
        Instant newest = feed.kept.values().stream().map(Kept::time).max(Comparator.naturalOrder()).orElse(null);
        feed.status = new FeedStatus(feed.set, feed.url.toString(), result, feed.kept.size(), newest, now,
                feed.lastSuccess, errors);
        log.info("Set \"{}\": feed {} {}, {} items kept{}", feed.set, feed.url, result, feed.kept.size(),
                errors.isEmpty() ? "" : ", " + errors.size() + " errors");
        return feed.status;
    }

    private static void requireFeedType(URI url, Response response) throws FetchException {
        String type = response.contentType();
        if (!type.isEmpty() && !type.contains("xml") && !type.contains("rss") && !type.contains("atom")) {
            throw new FetchException(url, "content type " + type + " is not an RSS or Atom feed");
        }
    }

    private static SyndFeed parse(URI url, Response response) throws FetchException {
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(response.body()));
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(source);
        } catch (FeedException | IllegalArgumentException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new FetchException(url, "not a well-formed RSS or Atom feed: " + why);
        }
    }

    private void readItems(Feed feed, SyndFeed parsed, List<String> errors, Instant now) {
        String outlet = parsed.getTitle() == null || parsed.getTitle().isBlank() ? feed.url.getHost()
                : parsed.getTitle().strip();
        List<SyndEntry> entries = parsed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            String place = feed.url + " item " + (i + 1);
            try {
                item(feed, entries.get(i), outlet, place, errors, now);
            } catch (FetchException e) {
                errors.add(e.getMessage());
            } catch (RuntimeException e) {
                errors.add(place + ": " + e.getMessage());
            }
        }
    }

    private void item(Feed feed, SyndEntry entry, String outlet, String place, List<String> errors, Instant now)
            throws FetchException {
        String title = entry.getTitle() == null ? "" : HtmlText.ofBody(entry.getTitle()).strip();
        String link = linkOf(entry, feed.url);
        if (title.isEmpty() || link == null) {
            throw new IllegalArgumentException("has no " + (title.isEmpty() ? "title" : "http(s) link") + "; skipped");
        }
        Instant date = dateOf(entry, now);
        String fingerprint = title + "\u0000" + date + "\u0000" + text(entry.getContents()) + "\u0000"
                + (entry.getDescription() == null ? "" : entry.getDescription().getValue());
        String id = Article.idForUrl(link);
        Kept old = feed.kept.get(id);
        if (old != null && old.fingerprint().equals(fingerprint)) {
            return;
        }
        Instant firstSeen = old == null ? now : old.firstSeen();
        Instant time = date != null ? date : firstSeen;
        if (time.isBefore(now.minus(keep))) {
            return;
        }
        String body = bodyOf(entry, link, errors);
        if (body.isBlank()) {
            throw new FetchException(URI.create(link), "no readable text in the item or its page; skipped");
        }
        Published published = date == null ? null : Published.ofDateTime(date.atOffset(ZoneOffset.UTC));
        String author = entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor();
        Article article = new Article(id, title, outlet, link, published, author, body);
        feed.kept.put(id, new Kept(article, fingerprint, firstSeen, time));
    }

    private String bodyOf(SyndEntry entry, String link, List<String> errors) {
        String content = HtmlText.ofBody(text(entry.getContents()));
        if (content.length() >= FULL_CONTENT_CHARS) {
            return content;
        }
        String summary = entry.getDescription() == null ? "" : HtmlText.ofBody(entry.getDescription().getValue());
        try {
            return page(URI.create(link));
        } catch (FetchException e) {
            errors.add(e.getMessage() + (content.isBlank() && summary.isBlank() ? "" : "; the feed's summary is used"));
            return content.length() >= summary.length() ? content : summary;
        }
    }

    /** The main text of a linked page. */
    private String page(URI url) throws FetchException {
        if (!fetcher.allowed(url)) {
            throw new FetchException(url, "host " + url.getHost() + " is not listed (sources.allowHosts); the page "
                    + "is not fetched");
        }
        if (!robots.allows(url)) {
            throw new FetchException(url, "robots.txt disallows fetching this page");
        }
        Response response = fetcher.get(url, null, null);
        String type = response.contentType();
        if (!type.isEmpty() && !type.equals("text/html") && !type.equals("application/xhtml+xml")) {
            throw new FetchException(url, "content type " + type + " is not a web page");
        }
        return HtmlText.ofPage(response.text()).orElseThrow(() ->
                new FetchException(url, "malformed or empty page: no paragraph of text found"));
    }

    private static String linkOf(SyndEntry entry, URI feed) {
        String link = entry.getLink();
        if ((link == null || link.isBlank()) && entry.getLinks() != null && !entry.getLinks().isEmpty()) {
            link = entry.getLinks().get(0).getHref();
        }
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = feed.resolve(link.strip());
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The item's publication (else update) time; a time more than a day ahead is not believed. */
    private static Instant dateOf(SyndEntry entry, Instant now) {
        java.util.Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (date == null || date.toInstant().isAfter(now.plus(Duration.ofDays(1)))) {
            return null;
        }
        return date.toInstant();
    }

    private static String text(List<SyndContent> contents) {
        if (contents == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        contents.stream().map(SyndContent::getValue).filter(Objects::nonNull).forEach(v -> text.append(v).append('\n'));
        return text.toString();
    }

    /** One feed of one set and what was read from it. */
    private static final class Feed {
        final String set;
        final URI url;
        final Map<String, Kept> kept = new LinkedHashMap<>();
        String etag;
        String lastModified;
        Instant lastSuccess;
        volatile FeedStatus status;

        Feed(String set, URI url) {
            this.set = set;
            this.url = url;
        }
    }

    /** An item read, with what it looked like in the feed and when it was first seen. */
    private record Kept(Article article, String fingerprint, Instant firstSeen, Instant time) {
    }

}
