package dev.newsbot.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small round-robin reverse proxy on 127.0.0.1, standing in for nginx or HAProxy in front of the replicas: each
 * request goes to the next backend; one that refuses the connection or answers 5xx is skipped for the next one, as
 * {@code proxy_next_upstream error http_502 http_503} does (a replica that is restarting is passed over).
 */
final class RoundRobinProxy implements AutoCloseable {

    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final HttpServer server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private RoundRobinProxy(HttpServer server, List<Integer> backends) {
        this.server = server;
        this.backends = List.copyOf(backends);
    }

    static RoundRobinProxy start(List<Integer> backendPorts) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        RoundRobinProxy proxy = new RoundRobinProxy(server, backendPorts);
        server.createContext("/", proxy::forward);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "round-robin-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return proxy;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status = 502;
        for (int tries = 0; tries < backends.size(); tries++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            status = send(exchange, port, body);
            if (status < 500) {
                break;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
            // no body
        }
    }

    private int send(HttpExchange exchange, int port, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + exchange.getRequestURI())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        String secret = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
        if (secret != null) {
            request.header(SECRET_HEADER, secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 502;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
