/**
 * Running the bot: article sets served and reloaded without downtime ({@link dev.newsbot.ops.SetManager}, with
 * incremental re-embedding and the on-disk passage indexes), the set each chat uses ({@link dev.newsbot.ops.ChatSets}), who may
 * administer it ({@link dev.newsbot.ops.AdminChecks}, {@link dev.newsbot.ops.GroupAdmins}), the admin HTTP server
 * ({@link dev.newsbot.ops.AdminServer}: reload, health, readiness, Prometheus metrics through Micrometer, served by
 * {@link dev.newsbot.ops.http.HttpService}, which the Telegram webhook uses too), why parts such as the Telegram
 * front end are not ready ({@link dev.newsbot.ops.Readiness}, reported with the sets still loading), the
 * texts of {@code /status} and {@code /why}, the article folder watcher, the feed refresher
 * ({@link dev.newsbot.ops.SourceRefresher}, {@code sources.refresh}) and the command line's progress bar.
 *
 * <p>The composition root ({@code app}) builds these parts and hands them to the front ends; this package calls
 * {@code chat}, {@code cache}, {@code answer}, {@code search}, {@code index}, {@code sources}, {@code articles} and
 * {@code config}. Uses
 * Micrometer and Jackson; HTTP goes through {@code ops.http}, the only package that uses Jetty; no Caffeine (the
 * short-lived group-admin cache is a plain clock-based map).
 */
package dev.newsbot.ops;
