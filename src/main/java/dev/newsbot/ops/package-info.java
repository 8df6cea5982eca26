/**
 * Running the bot, one sub-package per thing it owns: the article sets and readiness ({@code ops.sets}), per-chat
 * state ({@code ops.chats}), the {@code /why} explanations ({@code ops.why}), admin access and the admin HTTP server
 * ({@code ops.admin}), metrics and {@code /status} ({@code ops.metrics}), the one HTTP server every endpoint goes
 * through ({@code ops.http}, the only package that uses Jetty) and tracing ({@code ops.tracing}, the only one that uses
 * OpenTelemetry). The sub-packages form no cycle; {@code ops.sets} depends on none of the others.
 *
 * <p>The composition root ({@code app}) builds these parts and hands them to the front ends; {@code ops} calls
 * {@code chat}, {@code cache}, {@code answer}, {@code search}, {@code index}, {@code sources}, {@code articles} and
 * {@code config}. Caffeine stays in {@code cache}: the short-lived group-admin answers use its
 * {@link dev.newsbot.cache.ExpiringCache}.
 */
package dev.newsbot.ops;
