package dev.newsbot.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server (JDK {@code HttpServer}), started only when an admin token is configured.
 *
 * <ul>
 *   <li>{@code POST /admin/reload[?set=name]}: reloads one set, or every set; needs
 *       {@code Authorization: Bearer <token>} (compared in constant time), else 401. Answers JSON
 *       {@code {ok, set, version, previous_version, added, removed, changed, passages, embedded, seconds, errors[],
 *       finished_at}} for one set, and {@code {ok, seconds, sets: [...]}} for all; status 200 when ok, 422 when
 *       the new content has errors (the old version keeps serving), 404 for an unknown set, 500 when indexing
 *       failed.</li>
 *   <li>{@code GET /healthz}: 200 while the process runs.</li>
 *   <li>{@code GET /readyz}: 200 once every set is loaded, 503 before.</li>
 *   <li>{@code GET /metrics}: Prometheus text.</li>
 * </ul>
 * Requests are handled on a small pool of daemon threads, so metrics and health answer during a reload.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService pool;
    private final byte[] tokenHash;
    private final SetManager manager;
    private final BotMetrics metrics;

    private AdminServer(HttpServer server, String token, SetManager manager, BotMetrics metrics) {
        this.server = server;
        this.tokenHash = sha256(token);
        this.manager = manager;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "newsbot-admin-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/admin/reload", this::reload);
        server.createContext("/healthz", exchange -> get(exchange, () -> text(exchange, 200, "ok\n")));
        server.createContext("/readyz", this::ready);
        server.createContext("/metrics", exchange -> get(exchange,
                () -> send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8))));
        server.createContext("/", exchange -> text(exchange, 404, "not found\n"));
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static AdminServer start(InetSocketAddress address, String token, SetManager manager,
                                    BotMetrics metrics) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be blank");
        }
        try {
            AdminServer admin = new AdminServer(HttpServer.create(address, 16), token, manager, metrics);
            admin.server.start();
            log.info("Admin HTTP server listening on {}", admin.address());
            return admin;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + " for the admin server: " + e, e);
        }
    }

    /** The address bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void reload(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                json(exchange, 401, Map.of("ok", false, "errors", List.of("unauthorised")));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                json(exchange, 405, Map.of("ok", false, "errors", List.of("use POST")));
                return;
            }
            String set = queryParameter(exchange, "set");
            if (set == null) {
                reloadAll(exchange);
            } else {
                reloadOne(exchange, set);
            }
        }
    }

    private void reloadOne(HttpExchange exchange, String set) throws IOException {
        if (!manager.has(set)) {
            NoSuchSetException e = new NoSuchSetException(set, manager.sources().stream().map(SetSource::name)
                    .toList());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", false);
            body.put("set", set);
            body.put("errors", List.of(e.getMessage()));
            json(exchange, 404, body);
            return;
        }
        ReloadReport report = manager.reload(set);
        json(exchange, status(report), report.toJsonFields());
    }

    private void reloadAll(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        List<ReloadReport> reports = manager.reloadAll();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ok = reports.stream().allMatch(ReloadReport::ok);
        body.put("ok", ok);
        body.put("seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        body.put("sets", reports.stream().map(ReloadReport::toJsonFields).toList());
        json(exchange, reports.stream().mapToInt(AdminServer::status).max().orElse(200), body);
    }

    private static int status(ReloadReport report) {
        if (report.ok()) {
            return 200;
        }
        return report.errors().stream().anyMatch(e -> e.startsWith("reload failed: ")) ? 500 : 422;
    }

    private void ready(HttpExchange exchange) throws IOException {
        get(exchange, () -> {
            List<String> loading = manager.loading();
            text(exchange, loading.isEmpty() ? 200 : 503,
                    loading.isEmpty() ? "ready\n" : "loading: " + String.join(", ", loading) + "\n");
        });
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(tokenHash, sha256(header.substring(7).strip()));
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }

    /** A handler body that may throw IOException. */
    @FunctionalInterface
    private interface Body {
        void run() throws IOException;
    }

    private static void get(HttpExchange exchange, Body body) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod())) {
                body.run();
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "use GET\n");
            }
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        send(exchange, status, "application/json", bytes);
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
