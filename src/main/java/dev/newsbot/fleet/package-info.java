/**
 * A fleet of replicas behind one webhook: the state they share, kept in Redis through Lettuce (the only package that
 * uses it). {@link dev.newsbot.fleet.Fleet} connects and hands out the shared implementations of the seams the
 * front end and ops define: the update stream with its consumer group, partition leases, processed-update marks and
 * polling lease ({@code telegram.UpdateQueue}), the rate-limit buckets ({@code telegram.RateLimits}), the set each
 * chat uses ({@code ops.chats.SetChoices}), the explanations for {@code /why} ({@code ops.why.Explanations}), and reloads
 * announced to every replica over pub/sub. When Redis cannot be reached each part falls back to a safe default and
 * says so in {@code /readyz} and the metrics. Only the composition root uses this package.
 */
package dev.newsbot.fleet;
