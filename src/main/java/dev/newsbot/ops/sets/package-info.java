/**
 * The article sets of the running bot: served and reloaded without downtime ({@link dev.newsbot.ops.sets.SetManager},
 * with incremental re-embedding and the on-disk passage indexes, published to the search engine through
 * {@link dev.newsbot.ops.sets.StorePublisher}), where each set comes from ({@link dev.newsbot.ops.sets.SetSource}),
 * what a load did ({@link dev.newsbot.ops.sets.ReloadReport}), the reloads a change starts (the folder watcher
 * {@link dev.newsbot.ops.sets.ArticleWatcher} and the feed refresher {@link dev.newsbot.ops.sets.SourceRefresher},
 * {@code sources.refresh}), and why parts of the bot are not ready ({@link dev.newsbot.ops.sets.Readiness}, reported
 * with the sets still loading).
 *
 * <p>Depends on {@code index}, {@code articles} and {@code config}, and on no other part of {@code ops}: the other
 * {@code ops} packages build on this one.
 */
package dev.newsbot.ops.sets;
