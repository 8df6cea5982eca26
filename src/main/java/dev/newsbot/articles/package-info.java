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
 * that breaks them. Depends only on the JDK and Jackson (with its YAML parser).
 */
package dev.newsbot.articles;
