/**
 * What the bot reports about itself: its Prometheus metrics through Micrometer
 * ({@link dev.newsbot.ops.metrics.BotMetrics}) and the text of {@code /status}
 * ({@link dev.newsbot.ops.metrics.Status}). Depends on {@code ops.sets}, {@code cache}, {@code index} and
 * {@code sources}. The only part of {@code ops} that uses Micrometer's registry directly.
 */
package dev.newsbot.ops.metrics;
