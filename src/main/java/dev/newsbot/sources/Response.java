package dev.newsbot.sources;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A fetched response.
 *
 * @param url          the URL finally answered (after redirects)
 * @param status       200, or 304 for a conditional GET whose resource is unchanged (then body is empty)
 * @param contentType  the media type, lower case, without parameters; empty when not sent
 * @param charset      the charset the server named, or UTF-8
 * @param body         the bytes, within the size limit
 * @param etag         the {@code ETag} to send next time, or null
 * @param lastModified the {@code Last-Modified} to send next time, or null
 */
record Response(URI url, int status, String contentType, Charset charset, byte[] body, String etag,
                String lastModified) {

    Response {
        Objects.requireNonNull(url, "Response.url must not be null");
        contentType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        body = body == null ? new byte[0] : body;
    }

    boolean notModified() {
        return status == 304;
    }

    String text() {
        return new String(body, charset);
    }
}
