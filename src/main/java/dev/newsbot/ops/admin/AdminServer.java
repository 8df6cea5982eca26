package dev.newsbot.ops.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.ops.http.Endpoint;
import dev.newsbot.ops.http.HttpLimits;
import dev.newsbot.ops.http.HttpService;
import dev.newsbot.ops.http.ServerRequest;
import dev.newsbot.ops.http.ServerResponse;
import dev.newsbot.ops.metrics.BotMetrics;
import dev.newsbot.ops.sets.NoSuchSetException;
import dev.newsbot.ops.sets.ReloadReport;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.sets.SetSource;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server on {@code admin.addr}: health, readiness and metrics without a token, always; the
 * {@code /admin/*} paths only with the admin token (without one configured they are always 401). Exactly these
 * paths; any other is 404.
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
 * Served by an {@link HttpService} within {@link #LIMITS}, so metrics and health answer during a reload and while
 * slow clients hold connections. Bound to an address other than loopback, it logs one warning: {@code /healthz},
 * {@code /readyz} and {@code /metrics} need no token.
 */
public final class AdminServer implements AutoCloseable {

    /** The admin endpoints take no body; 64 KiB is plenty for anything a client might still send. */
    public static final HttpLimits LIMITS = HttpLimits.defaults().withMaxBodyBytes(64 << 10);

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final byte[] tokenHash;
    private final SetManager manager;
    private final BotMetrics metrics;
    private HttpService http;

    private AdminServer(String token, SetManager manager, BotMetrics metrics) {
        this.tokenHash = token == null ? null : sha256(token);
        this.manager = Objects.requireNonNull(manager, "manager");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
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
        AdminServer admin = new AdminServer(token, manager, metrics);
        admin.http = HttpService.start("newsbot-admin", address, LIMITS, admin.routes());
        log.info("Admin HTTP server listening on {}", admin.address());
        warnUnlessLoopback(address);
        return admin;
    }

    /**
     * Binds {@code address} and serves {@code /healthz}, {@code /readyz} and {@code /metrics} with no admin token
     * configured: every {@code /admin/*} request is then refused with 401, whatever it sends.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static AdminServer startWithoutToken(InetSocketAddress address, SetManager manager, BotMetrics metrics) {
        AdminServer admin = new AdminServer(null, manager, metrics);
        admin.http = HttpService.start("newsbot-admin", address, LIMITS, admin.routes());
        log.info("Health HTTP server listening on {} (/healthz, /readyz, /metrics); /admin/* is refused until "
                + "NEWSBOT_ADMIN_TOKEN is set", admin.address());
        warnUnlessLoopback(address);
        return admin;
    }

    private Map<String, Endpoint> routes() {
        return Map.of(
                "/admin/reload", this::reload,
                "/healthz", request -> get(request, () -> ServerResponse.text(200, "ok\n")),
                "/readyz", request -> get(request, this::ready),
                "/metrics", request -> get(request, () -> ServerResponse.of(200, PROMETHEUS_TEXT,
                        metrics.scrape().getBytes(StandardCharsets.UTF_8))));
    }

    private static void warnUnlessLoopback(InetSocketAddress address) {
        if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
            log.warn("admin.addr {}:{} is not a loopback address: anyone who reaches it gets /healthz, /readyz and "
                    + "/metrics without a token; bind 127.0.0.1 or put a proxy in front",
                    address.getHostString(), address.getPort());
        }
    }

    /** The address bound. */
    public InetSocketAddress address() {
        return http.address();
    }

    /** Stops listening and ends the server's threads. */
    @Override
    public void close() {
        http.close();
    }

    private ServerResponse reload(ServerRequest request) {
        if (!authorised(request)) {
            return json(401, Map.of("ok", false, "errors", List.of("unauthorised")))
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        if (!"POST".equals(request.method())) {
            return json(405, Map.of("ok", false, "errors", List.of("use POST"))).withHeader("Allow", "POST");
        }
        Optional<String> set = request.parameter("set");
        return set.isPresent() ? reloadOne(set.get()) : reloadAll();
    }

    private ServerResponse reloadOne(String set) {
        if (!manager.has(set)) {
            NoSuchSetException e = new NoSuchSetException(set, manager.sources().stream().map(SetSource::name)
                    .toList());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", false);
            body.put("set", set);
            body.put("errors", List.of(e.getMessage()));
            return json(404, body);
        }
        ReloadReport report = manager.reload(set);
        return json(status(report), report.toJsonFields());
    }

    private ServerResponse reloadAll() {
        long start = System.nanoTime();
        List<ReloadReport> reports = manager.reloadAll();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ok = reports.stream().allMatch(ReloadReport::ok);
        body.put("ok", ok);
        body.put("seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        body.put("sets", reports.stream().map(ReloadReport::toJsonFields).toList());
        return json(reports.stream().mapToInt(AdminServer::status).max().orElse(200), body);
    }

    private static int status(ReloadReport report) {
        if (report.ok()) {
            return 200;
        }
        return report.errors().stream().anyMatch(e -> e.startsWith("reload failed: ")) ? 500 : 422;
    }

    private ServerResponse ready() {
        List<String> loading = manager.loading();
        return ServerResponse.text(loading.isEmpty() ? 200 : 503,
                loading.isEmpty() ? "ready\n" : "loading: " + String.join(", ", loading) + "\n");
    }

    private boolean authorised(ServerRequest request) {
        String header = request.header("Authorization").orElse(null);
        if (tokenHash == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(tokenHash, sha256(header.substring(7).strip()));
    }

    private static ServerResponse get(ServerRequest request, Supplier<ServerResponse> body) {
        if (request.isGet()) {
            return body.get();
        }
        return ServerResponse.text(405, "use GET\n").withHeader("Allow", "GET, HEAD");
    }

    private static ServerResponse json(int status, Object body) {
        try {
            return ServerResponse.of(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON answer", e);
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
