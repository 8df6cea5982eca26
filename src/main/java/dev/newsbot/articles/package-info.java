/**
 * Articles and article sets: the {@link dev.newsbot.articles.Article} value, and loading, validating and
 * versioning sets of them.
 *
 * <p>This package owns the article file formats (JSON Lines, and Markdown or plain text with a YAML front matter),
 * the bare id rule, content hashes and set versions, and the bundled default set. Entry point:
 * {@link dev.newsbot.articles.ArticleLoader}. A load collects every {@link dev.newsbot.articles.Problem} (file,
 * line, field) before failing and never yields part of a set; {@link dev.newsbot.articles.ValidationReport}
 * renders the result for the command line.
 *
 * <p>Every file is read by one bounded reader ({@code BoundedLines}): regular files only, as a stream of strict
 * UTF-8 lines, within the file, line and body limits of {@link dev.newsbot.articles.ArticleLimits}, so no article
 * file can hang a load or exhaust the heap. The content rules (visible title and body, a sane publication date, an
 * http or https url, no control characters, no YAML aliases) are checked at load, so no front end sees an article
 * that breaks them. An HTML body (in any format) is read as its paragraphs, and a Markdown body as text without
 * its markup ({@code BodyText}, with {@link dev.newsbot.articles.html.HtmlText}, the only user of jsoup). A set may
 * also list {@code http(s)} feed URLs: the loader hands them to a {@link dev.newsbot.articles.RemoteArticles}
 * (package {@code sources}) and adds its articles after the files' ones. Depends on the JDK, Jackson (with its
 * YAML parser) and, in {@code articles.html}, jsoup.
 */
package dev.newsbot.articles;
