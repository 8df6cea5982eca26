package dev.newsbot.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 serving the files of {@code src/test/resources/dev/newsbot/sources/site} (with
 * {@code HOST} and {@code PORT} in them replaced by its own address), with an {@code ETag} per body and 304 to a
 * matching {@code If-None-Match}. A path can be given another body, a redirect, a status, or a stall. Records each
 * request's path and conditional header. Never reaches the internet.
 */
public final class FeedServer implements AutoCloseable {

    private static final String SITE = "dev/newsbot/sources/site/";

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> conditional = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private sealed interface Route {
    }

    private record Body(byte[] bytes, String type) implements Route {
    }

    private record Redirect(String location) implements Route {
    }

    private record Status(int status) implements Route {
    }

    private record Stall() implements Route {
    }

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "feed-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by the path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Serves the site file {@code resource} (with HOST and PORT replaced) at {@code path}. */
    public FeedServer file(String path, String resource, String type) {
        routes.put(path, new Body(site(resource), type));
        return this;
    }

    public FeedServer body(String path, byte[] bytes, String type) {
        routes.put(path, new Body(bytes, type));
        return this;
    }

    public FeedServer redirect(String path, String location) {
        routes.put(path, new Redirect(location));
        return this;
    }

    public FeedServer status(String path, int status) {
        routes.put(path, new Status(status));
        return this;
    }

    public FeedServer stall(String path) {
        routes.put(path, new Stall());
        return this;
    }

    /** How many requests reached the path. */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The paths of requests that carried If-None-Match or If-Modified-Since. */
    public List<String> conditionalRequests() {
        return List.copyOf(conditional);
    }

    private byte[] site(String resource) {
        try (InputStream in = FeedServer.class.getClassLoader().getResourceAsStream(SITE + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + SITE + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("HOST", "127.0.0.1:" + port()).replace("PORT", String.valueOf(port()))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null || exchange.getRequestHeaders().getFirst("If-Modified-Since") != null) {
            conditional.add(path);
        }
        Route route = routes.get(path);
        try (exchange) {
            if (route == null) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), null);
            } else if (route instanceof Redirect r) {
                exchange.getResponseHeaders().add("Location", r.location());
                exchange.sendResponseHeaders(302, -1);
            } else if (route instanceof Status s) {
                send(exchange, s.status(), "text/plain", "error".getBytes(StandardCharsets.UTF_8), null);
            } else if (route instanceof Stall) {
                closing.await(30, TimeUnit.SECONDS);
            } else if (route instanceof Body b) {
                String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(b.bytes())) + "\"";
                if (etag.equals(ifNoneMatch)) {
                    exchange.getResponseHeaders().add("ETag", etag);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    send(exchange, 200, b.type(), b.bytes(), etag);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, String etag)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
