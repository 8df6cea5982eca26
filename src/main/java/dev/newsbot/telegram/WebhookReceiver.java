package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.ops.http.HttpLimits;
import dev.newsbot.ops.http.HttpService;
import dev.newsbot.ops.http.ServerRequest;
import dev.newsbot.ops.http.ServerResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint: an {@link HttpService} serving exactly the public URL's path (any other path is 404). Every
 * request without the matching {@code X-Telegram-Bot-Api-Secret-Token} header gets 401 (compared in constant time);
 * an accepted one is parsed into the library's {@link Update} and handed over (journaled in the inbox, forced to disk)
 * before the 200 goes back, so Telegram redelivers anything that was not journaled: 503 when it could not be, 500
 * when the hand-over throws. Bodies over
 * {@link #LIMITS}{@code .maxBodyBytes()} get 413.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Telegram's updates are a few KiB; 1 MiB bodies, and the other limits of {@link HttpLimits#defaults()}. */
    static final HttpLimits LIMITS = HttpLimits.defaults();
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final TelegramSettings.Webhook hook;
    private final byte[] secret;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Redactor redactor;
    private HttpService server;
    private Predicate<Update> sink;

    WebhookReceiver(TelegramSettings.Webhook hook, Redactor redactor) {
        this.hook = hook;
        this.secret = hook.secret().getBytes(StandardCharsets.UTF_8);
        this.redactor = redactor;
    }

    void start(Predicate<Update> updates) {
        this.sink = updates;
        server = HttpService.start("newsbot-telegram-webhook", new InetSocketAddress(hook.host(), hook.port()),
                LIMITS, Map.of(hook.path(), this::handle));
        LOG.info("Webhook endpoint listening on {}{}", server.address(), hook.path());
    }

    InetSocketAddress address() {
        return server.address();
    }

    private ServerResponse handle(ServerRequest request) {
        String given = request.header(SECRET_HEADER).orElse(null);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret)) {
            LOG.warn("Rejected a webhook request from {} without the right secret token", request.remote());
            return ServerResponse.empty(401);
        }
        if (!"POST".equals(request.method())) {
            return ServerResponse.empty(405).withHeader("Allow", "POST");
        }
        Update update;
        try {
            update = mapper.readValue(request.body(), Update.class);
        } catch (IOException e) {
            LOG.warn("Rejected a webhook request that is not an Update: {}", e.getClass().getSimpleName());
            return ServerResponse.empty(400);
        }
        return handOver(update);
    }

    /** The one place an accepted update leaves the receiver; 200 only once it is handed over. */
    private ServerResponse handOver(Update update) {
        try {
            return ServerResponse.empty(sink.test(update) ? 200 : 503);
        } catch (RuntimeException e) {
            LOG.warn("Webhook update {} was not handed over: {}", update.getUpdateId(),
                    redactor.redact(String.valueOf(e)));
            return ServerResponse.empty(500);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
