/**
 * Articles and article sets: the {@link dev.newsbot.articles.Article} value, and loading, validating and
 * versioning sets of them.
 *
 * <p>This package owns the article file formats (JSON Lines, and Markdown or plain text with a YAML front matter),
 * the bare id rule, content hashes and set versions, and the bundled default set. Entry point:
 * {@link dev.newsbot.articles.ArticleLoader}. A load collects every {@link dev.newsbot.articles.Problem} (file,
 * line, field) before failing and never yields part of a set; {@link dev.newsbot.articles.ValidationReport}
 * renders the result for the command line. Depends only on the JDK and Jackson (with its YAML parser).
 */
package dev.newsbot.articles;
