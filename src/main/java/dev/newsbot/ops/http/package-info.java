/**
 * The embedded HTTP server behind the admin endpoints ({@link dev.newsbot.ops.admin.AdminServer}) and the Telegram
 * webhook: {@link dev.newsbot.ops.http.HttpService} serves a fixed set of exact paths, each an
 * {@link dev.newsbot.ops.http.Endpoint} that turns a {@link dev.newsbot.ops.http.ServerRequest} (its body already
 * read, within the limit) into a {@link dev.newsbot.ops.http.ServerResponse}. Every other path is a 404.
 *
 * <p>{@link dev.newsbot.ops.http.HttpLimits} bounds what a client can hold: request headers (431 above the limit),
 * the body (413, checked against {@code Content-Length} before reading and while reading), the time a connection
 * may stay silent (idle timeout), the time a new connection has to send its first request (header timeout), and
 * the threads (a bounded Jetty {@code QueuedThreadPool}; headers and bodies are read with non-blocking I/O, so a slow
 * client holds no thread). Jetty is used only here; callers see plain records and never a Jetty type.
 */
package dev.newsbot.ops.http;
