package dev.newsbot.ops.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Endpoint} answers. For {@code HEAD} the body is left out and its length kept.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type}, or null with an empty body
 * @param headers     further response headers
 * @param body        the body; not copied
 */
public record ServerResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    static final String TEXT = "text/plain; charset=utf-8";

    public ServerResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100 to 599, was " + status);
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** UTF-8 plain text. */
    public static ServerResponse text(int status, String text) {
        return new ServerResponse(status, TEXT, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of {@code type}. */
    public static ServerResponse of(int status, String type, byte[] body) {
        return new ServerResponse(status, type, Map.of(), body);
    }

    /** No body at all. */
    public static ServerResponse empty(int status) {
        return new ServerResponse(status, null, Map.of(), new byte[0]);
    }

    /** This response with header {@code name} set to {@code value}. */
    public ServerResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ServerResponse(status, contentType, more, body);
    }
}
