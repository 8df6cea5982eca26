package dev.newsbot.ops.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/** Calls the admin endpoint of a running bot, for the {@code reload} command. */
public final class AdminClient {

    /** An HTTP answer: its status and body. */
    public record Response(int status, String body) {

        public boolean ok() {
            return status == 200;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String token;

    /** @param base such as {@code http://127.0.0.1:8081} */
    public AdminClient(HttpClient http, URI base, String token) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The base URI of a {@code host:port} address. */
    public static URI baseOf(String hostPort) {
        return URI.create("http://" + hostPort.strip());
    }

    /** {@code POST /admin/reload[?set=name]}; waits until the reload finishes. */
    public Response reload(String set) throws IOException, InterruptedException {
        String query = set == null ? "" : "?set=" + URLEncoder.encode(set, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/admin/reload" + query))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
