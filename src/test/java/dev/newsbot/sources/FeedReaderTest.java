package dev.newsbot.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.TestClock;
import dev.newsbot.articles.Article;
import dev.newsbot.config.NewsbotConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds read from a real HTTP server on 127.0.0.1 serving the test resources. */
class FeedReaderTest {

    private static final String RSS = "application/rss+xml";
    private static final String HTML = "text/html; charset=utf-8";

    private FeedServer server;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));

    @BeforeEach
    void serve() throws Exception {
        server = new FeedServer()
                .file("/rss.xml", "rss.xml", RSS)
                .file("/atom.xml", "atom.xml", "application/atom+xml")
                .file("/robots.txt", "robots.txt", "text/plain")
                .file("/pages/ferry.html", "pages/ferry.html", HTML)
                .file("/pages/bridge.html", "pages/bridge.html", HTML)
                .file("/pages/market.html", "pages/market.html", HTML)
                .file("/pages/broken.html", "pages/broken.html", HTML)
                .file("/pages/report.pdf", "pages/report.pdf", "application/pdf")
                .file("/private/secret.html", "private/secret.html", HTML)
                .file("/page-feed.xml", "page-feed.xml", RSS)
                .file("/robots-feed.xml", "robots-feed.xml", RSS)
                .file("/malformed.xml", "malformed.xml", RSS)
                .file("/notes.txt", "notes.txt", "text/plain");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedReader reader(Integer maxBytes, Integer timeoutSeconds) {
        NewsbotConfig.Sources settings = new NewsbotConfig.Sources(null, 30, "newsbot-test/1.0", null, maxBytes,
                timeoutSeconds);
        return new FeedReader(settings, List.of(URI.create(server.url("/"))), clock);
    }

    private FeedReader reader() {
        return reader(null, null);
    }

    private List<Article> read(FeedReader reader, String... paths) {
        return reader.read("news", java.util.Arrays.stream(paths).map(p -> URI.create(server.url(p))).toList());
    }

    private static Map<String, Article> byTitle(List<Article> articles) {
        return articles.stream().collect(Collectors.toMap(Article::title, Function.identity()));
    }

    private static List<String> errors(FeedReader reader) {
        return reader.status().stream().flatMap(s -> s.errors().stream()).toList();
    }

    @Test
    void rss_items_become_articles_with_full_content_or_the_linked_page() {
        FeedReader reader = reader();
        Map<String, Article> articles = byTitle(read(reader, "/rss.xml"));

        Article rescue = articles.get("Lighthouse keeper rescues stranded kayakers");
        assertThat(rescue.url()).isEqualTo(server.url("/2026/11/lighthouse-rescue"));
        assertThat(rescue.id()).isEqualTo(Article.idForUrl(rescue.url()));
        assertThat(rescue.source()).isEqualTo("Harbour Gazette");
        assertThat(rescue.author()).isEqualTo("Mara Olsen");
        assertThat(rescue.publishedDate()).contains(LocalDate.of(2026, 11, 28));
        assertThat(rescue.body()).startsWith("The keeper of the Skerry Point lighthouse")
                .contains("\n\nBrekke said he saw a flare").contains("marine forecast")
                .doesNotContain("Share on Facebook", "Photo: Harbour Gazette", "trackRead", "Read more");

        Article ferry = articles.get("Ferry timetable changes for the winter season");
        assertThat(ferry.body()).startsWith("The island ferry will sail four times a day")
                .contains("keep the late departure on Fridays")
                .doesNotContain("Home", "cookies", "By Per Lund", "Tweet", "MV Nordlys", "Ferry fares rise",
                        "Read more", "All rights reserved", "dataLayer");
        assertThat(ferry.publishedDate()).contains(LocalDate.of(2026, 11, 27));
    }

    @Test
    void bad_items_are_named_by_url_and_the_others_still_load() {
        FeedReader reader = reader();
        Map<String, Article> articles = byTitle(read(reader, "/rss.xml"));

        assertThat(articles).hasSize(3); // the untitled item skipped; last winter's item beyond the retention
        assertThat(errors(reader)).anySatisfy(e -> assertThat(e)
                .isEqualTo(server.url("/rss.xml") + " item 3: has no title; skipped"));
        // a page on a host not listed (localhost is not 127.0.0.1) is never requested; the summary stands in
        assertThat(articles.get("Council approves new harbour wall").body())
                .isEqualTo("The council approved a new harbour wall costing 4 million crowns.");
        assertThat(errors(reader)).anySatisfy(e -> assertThat(e).startsWith("http://localhost:" + server.port()
                + "/pages/council.html: host localhost is not listed"));
    }

    @Test
    void atom_entries_become_articles() {
        FeedReader reader = reader();
        Map<String, Article> articles = byTitle(read(reader, "/atom.xml"));

        Article harvest = articles.get("Orchard harvest breaks the record");
        assertThat(harvest.source()).isEqualTo("Valley Courier");
        assertThat(harvest.author()).isEqualTo("Ilse Varga");
        assertThat(harvest.publishedDate()).contains(LocalDate.of(2026, 11, 29));
        assertThat(harvest.body()).startsWith("Growers in the Ash Valley picked 12,400 tonnes")
                .contains("\n\nThe cooperative credited").doesNotContain("<p>");

        Article bridge = articles.get("Bridge closed for repairs");
        assertThat(bridge.url()).isEqualTo(server.url("/pages/bridge.html"));
        assertThat(bridge.publishedDate()).contains(LocalDate.of(2026, 11, 28)); // its updated date
        assertThat(bridge.body()).startsWith("The old stone bridge over the Ash River is closed")
                .contains("last repaired in 1990")
                .doesNotContain("Posted by", "Share this", "Great news", "newsletter", "Continue reading", "Home");
    }

    @Test
    void an_unchanged_feed_is_answered_with_304_and_its_pages_are_not_fetched_again() {
        FeedReader reader = reader();
        List<Article> first = read(reader, "/rss.xml");
        List<Article> second = read(reader, "/rss.xml");

        assertThat(server.conditionalRequests()).containsExactly("/rss.xml");
        assertThat(reader.status()).singleElement().satisfies(s -> assertThat(s.result()).isEqualTo("not_modified"));
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        assertThat(server.hits("/pages/ferry.html")).isEqualTo(1);
    }

    @Test
    void a_failing_feed_keeps_its_last_good_items() {
        FeedReader reader = reader();
        List<Article> good = read(reader, "/rss.xml");
        server.status("/rss.xml", 500);

        List<Article> afterFailure = read(reader, "/rss.xml");

        assertThat(afterFailure).containsExactlyInAnyOrderElementsOf(good);
        FeedStatus status = reader.status().get(0);
        assertThat(status.failed()).isTrue();
        assertThat(status.items()).isEqualTo(3);
        assertThat(status.lastSuccess()).isNotNull();
        assertThat(status.errors()).containsExactly(server.url("/rss.xml") + ": HTTP 500");
    }

    @Test
    void each_kind_of_bad_feed_is_one_error_naming_its_url_and_the_good_feed_still_loads() {
        server.body("/big.xml", ("<rss>" + "x".repeat(20_000) + "</rss>").getBytes(StandardCharsets.UTF_8), RSS)
                .redirect("/loop1", "/loop2").redirect("/loop2", "/loop1")
                .redirect("/elsewhere", "http://localhost:" + server.port() + "/rss.xml")
                .stall("/slow.xml");
        FeedReader reader = reader(10_000, 1);

        List<Article> articles = read(reader, "/malformed.xml", "/notes.txt", "/big.xml", "/loop1", "/elsewhere",
                "/slow.xml", "/rss.xml");

        assertThat(articles).hasSize(3);
        Map<String, String> failed = reader.status().stream().filter(FeedStatus::failed)
                .collect(Collectors.toMap(FeedStatus::url, s -> s.errors().get(0)));
        assertThat(failed).hasSize(6);
        assertThat(failed.get(server.url("/malformed.xml"))).startsWith(server.url("/malformed.xml")
                + ": not a well-formed RSS or Atom feed");
        assertThat(failed.get(server.url("/notes.txt"))).isEqualTo(server.url("/notes.txt")
                + ": content type text/plain is not an RSS or Atom feed");
        assertThat(failed.get(server.url("/big.xml"))).isEqualTo(server.url("/big.xml")
                + ": response larger than the limit of 10000 bytes (sources.maxBytes)");
        assertThat(failed.get(server.url("/loop1"))).isEqualTo(server.url("/loop1") + ": redirect loop at "
                + server.url("/loop1"));
        assertThat(failed.get(server.url("/elsewhere"))).startsWith(server.url("/elsewhere") + ": redirected to "
                + "http://localhost:" + server.port() + "/rss.xml, whose host localhost is not listed");
        assertThat(failed.get(server.url("/slow.xml"))).isEqualTo(server.url("/slow.xml") + ": timed out after 1 s");
        failed.values().forEach(e -> assertThat(e).doesNotContain("\n"));
    }

    @Test
    void linked_pages_of_several_layouts_and_their_bad_input() {
        FeedReader reader = reader();
        Map<String, Article> articles = byTitle(read(reader, "/page-feed.xml"));

        assertThat(articles).containsOnlyKeys("Market day returns");
        assertThat(articles.get("Market day returns").body())
                .startsWith("Market day returns to the square\n\nThe Saturday market returned")
                .contains("Christmas market").doesNotContain("Front page", "Weather warning", "Copyright",
                        "Stalls in the square");
        assertThat(errors(reader)).contains(
                server.url("/pages/broken.html") + ": malformed or empty page: no paragraph of text found",
                server.url("/pages/report.pdf") + ": content type application/pdf is not a web page");
    }

    @Test
    void robots_txt_is_kept_for_linked_pages() {
        FeedReader reader = reader();
        List<Article> articles = read(reader, "/robots-feed.xml");

        assertThat(server.hits("/private/secret.html")).isZero();
        assertThat(articles).singleElement().satisfies(a -> assertThat(a.body())
                .isEqualTo("Only this summary may be used."));
        assertThat(errors(reader)).anySatisfy(e -> assertThat(e).startsWith(server.url("/private/secret.html")
                + ": robots.txt disallows"));
    }

    @Test
    void retention_drops_items_older_than_keep_days() {
        FeedReader reader = reader();
        assertThat(byTitle(read(reader, "/rss.xml"))).doesNotContainKey("Fishing quotas from last winter")
                .hasSize(3);

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-28T00:00:00Z"))); // the items of Nov 26 and 27 are now 30+ days old
        Map<String, Article> later = byTitle(read(reader, "/rss.xml"));

        assertThat(later).containsOnlyKeys("Lighthouse keeper rescues stranded kayakers");
    }

    @Test
    void nothing_is_fetched_from_a_host_not_listed() {
        FeedReader reader = reader(); // lists 127.0.0.1 only
        List<Article> articles = reader.read("news", List.of(URI.create("http://localhost:" + server.port()
                + "/rss.xml")));

        assertThat(articles).isEmpty();
        assertThat(server.hits("/rss.xml")).isZero();
        assertThat(errors(reader)).containsExactly("http://localhost:" + server.port() + "/rss.xml: host localhost "
                + "is not listed (sources.allowHosts); nothing is fetched from it");
    }

    @Test
    void robots_rules_pick_our_group_and_the_longest_match() {
        Robots.Rules rules = Robots.parse("User-agent: *\nDisallow: /\n\nUser-agent: newsbot\nDisallow: /a/\n"
                + "Allow: /a/public\n", "newsbot", Instant.EPOCH);
        assertThat(rules.allows("/b")).isTrue();
        assertThat(rules.allows("/a/x")).isFalse();
        assertThat(rules.allows("/a/public/1")).isTrue();
        assertThat(Robots.parse("User-agent: *\nDisallow: /*.pdf$\n", "newsbot", Instant.EPOCH)
                .allows("/r.pdf")).isFalse();
    }
}
