package dev.newsbot.articles;

import dev.newsbot.articles.LoadedArticle.IdOrigin;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates a raw record and builds its {@link Article}, deriving the id when the source gives none.
 *
 * <p>Content rules, beyond the fields being present: title and body show something (white space, no-break and
 * zero-width spaces alone are blank); the body is within {@link ArticleLimits#bodyChars()}; {@code published}
 * lies between {@value #EARLIEST_YEAR}, the year of the first printed newspaper, and tomorrow by the clock (one
 * day ahead covers every time zone, up to UTC+14, whose date is already tomorrow); the url is an {@code http} or
 * {@code https} link with a host.
 */
final class ArticleAssembler {

    static final int EARLIEST_YEAR = 1605;
    private static final LocalDate EARLIEST = LocalDate.of(EARLIEST_YEAR, 1, 1);
    private static final Pattern WEB_LINK = Pattern.compile("(?i)https?://[^/?#\\s@]*[^/?#\\s@:][^\\s]*");

    private final ArticleLimits limits;
    private final Clock clock;

    ArticleAssembler(ArticleLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** The article, or empty after adding every problem of the record to {@code problems}. */
    Optional<LoadedArticle> assemble(RawRecord record, List<Problem> problems) {
        int before = problems.size();
        String title = required(record, "title", problems);
        String body = required(record, "body", problems);
        if (body != null && body.length() > limits.bodyChars()) {
            problems.add(record.problem("body", limits.bodyTooLong(body.length())));
        }
        if (body != null && !ArticleText.isBlank(body) && record.file() != null) {
            String readable = BodyText.readable(body, SourceFiles.extension(record.file()));
            if (ArticleText.isBlank(readable)) {
                problems.add(record.problem("body", "shows no text once its HTML or Markdown markup is removed"));
            }
            body = readable;
        }
        Published published = published(record, problems);
        String id = record.get("id");
        if (id != null && ArticleText.isBlank(id)) {
            problems.add(record.problem("id", "must not be blank; leave it out to have one derived"));
        }
        checkUrl(record, problems);
        if (problems.size() > before || record.hasRejected()) {
            return Optional.empty();
        }
        return Optional.of(build(record, title, body, published));
    }

    private static LoadedArticle build(RawRecord record, String title, String body, Published published) {
        String url = record.get("url");
        IdOrigin origin = record.get("id") != null ? IdOrigin.GIVEN
                : url != null && !url.isBlank() ? IdOrigin.URL : IdOrigin.CONTENT;
        String id = switch (origin) {
            case GIVEN -> record.get("id");
            case URL -> ArticleIds.fromUrl(url);
            case CONTENT -> ArticleIds.fromContent(title, body);
        };
        Article article = new Article(id, title, record.get("source"), url, published, record.get("author"), body);
        return new LoadedArticle(article, record, origin);
    }

    private static String required(RawRecord record, String field, List<Problem> problems) {
        String value = record.get(field);
        if (record.isRejected(field)) {
            return null;
        }
        if (value == null) {
            problems.add(record.problem(field, record.seen(field) ? "required, but null" : "required, but missing"));
        } else if (value.isBlank()) {
            problems.add(record.problem(field, "must not be blank"));
        } else if (ArticleText.isBlank(value)) {
            problems.add(record.problem(field, "must not be blank: it holds only invisible characters "
                    + "(no-break or zero-width spaces)"));
        }
        return value;
    }

    private Published published(RawRecord record, List<Problem> problems) {
        String text = record.get("published");
        if (text == null) {
            return null;
        }
        Published published;
        try {
            published = Published.parse(text.strip());
        } catch (DateTimeException e) {
            problems.add(record.problem("published", "cannot parse " + ArticleText.quote(text)
                    + " as an ISO date or date-time"));
            return null;
        }
        LocalDate latest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        if (published.date().isBefore(EARLIEST) || published.date().isAfter(latest)) {
            problems.add(record.problem("published", String.format(Locale.ROOT,
                    "%s is out of range; expected a date from %s (the first printed newspaper) to %s (tomorrow)",
                    ArticleText.quote(text.strip()), EARLIEST, latest)));
            return null;
        }
        return published;
    }

    private static void checkUrl(RawRecord record, List<Problem> problems) {
        String url = record.get("url");
        if (url != null && !url.isBlank() && !WEB_LINK.matcher(url.strip()).matches()) {
            problems.add(record.problem("url", "must be an http:// or https:// link with a host, was "
                    + ArticleText.quote(url.strip())));
        }
    }
}
