/**
 * Web sources: the RSS 2.0 and Atom feeds a set lists as {@code http(s)} URLs beside its files, read into the same
 * {@link dev.newsbot.articles.Article} records the file loader yields, so a feed set flows through the usual load,
 * reload and incremental re-embedding.
 *
 * <p>Owns ROME (feed parsing; ArchitectureTest keeps it here) and every outgoing web request: the JDK
 * {@code HttpClient}, only to hosts the operator listed (the hosts of the feeds, and {@code sources.allowHosts}
 * for linked pages), one request per host at a time, with a size limit, a time limit, at most five redirects
 * (each to a listed host, no loops), conditional GET ({@code ETag}, {@code If-Modified-Since}), a configurable
 * {@code User-Agent}, and {@code robots.txt} for linked pages. Every bad input (malformed XML, an oversized or slow
 * response, a bad redirect, a content type that is neither feed nor page, an item without title or link) is one
 * error naming its URL; it never stops the other items, and a feed that fails keeps its last good items.
 * Entry point: {@link dev.newsbot.sources.FeedReader}.
 */
package dev.newsbot.sources;
