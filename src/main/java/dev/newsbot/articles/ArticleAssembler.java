package dev.newsbot.articles;

import dev.newsbot.articles.LoadedArticle.IdOrigin;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;

/**
 * Validates a raw record and builds its {@link Article}, deriving the id when the source gives none. The body must
 * be within {@link ArticleLimits#bodyChars()}.
 */
final class ArticleAssembler {

    private final ArticleLimits limits;

    ArticleAssembler(ArticleLimits limits) {
        this.limits = limits;
    }

    /** The article, or empty after adding every problem of the record to {@code problems}. */
    Optional<LoadedArticle> assemble(RawRecord record, List<Problem> problems) {
        int before = problems.size();
        String title = required(record, "title", problems);
        String body = required(record, "body", problems);
        if (body != null && body.length() > limits.bodyChars()) {
            problems.add(record.problem("body", limits.bodyTooLong(body.length())));
        }
        Published published = published(record, problems);
        String id = record.get("id");
        if (id != null && id.isBlank()) {
            problems.add(record.problem("id", "must not be blank; leave it out to have one derived"));
        }
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
        }
        return value;
    }

    private static Published published(RawRecord record, List<Problem> problems) {
        String text = record.get("published");
        if (text == null) {
            return null;
        }
        try {
            return Published.parse(text.strip());
        } catch (DateTimeException e) {
            problems.add(record.problem("published", "cannot parse \"" + text + "\" as an ISO date or date-time"));
            return null;
        }
    }
}
