package dev.newsbot.ops.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request an {@link Endpoint} answers, its body read whole (never over {@link HttpLimits#maxBodyBytes()}).
 *
 * @param method  such as {@code GET}
 * @param path    the path as sent, not decoded
 * @param query   the query parameters, decoded, the first value of each name
 * @param headers the headers, the first value of each name; names compared ignoring case
 * @param body    the body, empty when none was sent; not copied, do not change it
 * @param remote  the client's address, for logs
 */
public record ServerRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                            byte[] body, String remote) {

    public ServerRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        TreeMap<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        named.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(named);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(remote, "remote");
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Query parameter {@code name}; empty when missing or blank. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    /** Whether the method is {@code GET} or {@code HEAD}. */
    public boolean isGet() {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
