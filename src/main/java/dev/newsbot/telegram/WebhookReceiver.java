package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The webhook endpoint: a JDK {@link HttpServer} serving the public URL's path. Every request without the matching
 * {@code X-Telegram-Bot-Api-Secret-Token} header gets 401 (compared in constant time); an accepted one is parsed into
 * the library's {@link Update} and handed over (journaled in the inbox, forced to disk) before the 200 goes back, so
 * Telegram redelivers anything that was not journaled; 503 when it could not be.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final int MAX_BODY = 1 << 20;

    private final TelegramSettings.Webhook hook;
    private final byte[] secret;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Redactor redactor;
    private final ExecutorService executor;
    private HttpServer server;
    private Predicate<Update> sink;

    WebhookReceiver(TelegramSettings.Webhook hook, Redactor redactor) {
        this.hook = hook;
        this.secret = hook.secret().getBytes(StandardCharsets.UTF_8);
        this.redactor = redactor;
        this.executor = Executors.newFixedThreadPool(4, new DaemonThreads("newsbot-telegram-webhook", redactor));
    }

    void start(Predicate<Update> updates) throws IOException {
        this.sink = updates;
        server = HttpServer.create(new InetSocketAddress(hook.host(), hook.port()), 64);
        server.createContext(hook.path(), this::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Webhook endpoint listening on {}{}", server.getAddress(), hook.path());
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            exchange.sendResponseHeaders(status(exchange), -1);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Webhook request failed: {}", redactor.redact(String.valueOf(e)));
        }
    }

    private int status(HttpExchange exchange) throws IOException {
        String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret)) {
            LOG.warn("Rejected a webhook request from {} without the right secret token", exchange.getRemoteAddress());
            return 401;
        }
        if (!exchange.getRequestURI().getPath().equals(hook.path())) {
            return 404;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return 405;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return 413;
        }
        Update update;
        try {
            update = mapper.readValue(body, Update.class);
        } catch (IOException e) {
            LOG.warn("Rejected a webhook request that is not an Update: {}", e.getClass().getSimpleName());
            return 400;
        }
        return sink.test(update) ? 200 : 503;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }
}
