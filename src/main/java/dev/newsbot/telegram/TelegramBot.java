package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.SetSummary;
import dev.newsbot.telegram.TelegramTexts.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.User;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The newsbot Telegram bot. {@link #start()} learns the bot's username from {@code getMe}, registers the command
 * menu, and starts receiving updates by long polling (after {@code deleteWebhook}) or on a webhook endpoint (then
 * {@code setWebhook} with the secret). {@link #close()} stops receiving, lets in-flight answers finish for the
 * configured grace period, cancels the rest and stops every thread it started; it returns within grace + ~3 s.
 *
 * <p>The token never appears in logs or exception messages. All threads are daemons.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);

    private final TelegramSettings settings;
    private final ChatService chat;
    private final TelegramTexts texts;
    private final Clock clock;
    private final TelegramMetrics metrics;
    private final Redactor redactor;
    private final TelegramOperators operators;
    private State state = State.NEW;
    private HttpClients http;
    private ChatLanes lanes;
    private ScheduledExecutorService typing;
    private ExecutorService reloads;
    private PollingReceiver polling;
    private WebhookReceiver webhook;
    private String username;

    private enum State { NEW, RUNNING, CLOSED }

    public TelegramBot(TelegramSettings settings, ChatService chat, TelegramTexts texts, Clock clock) {
        this(settings, chat, texts, clock, TelegramMetrics.none());
    }

    public TelegramBot(TelegramSettings settings, ChatService chat, TelegramTexts texts, Clock clock,
                       TelegramMetrics metrics) {
        this(settings, chat, texts, clock, metrics, null);
    }

    /**
     * A bot that also answers the operator commands {@code /use}, {@code /reload}, {@code /status} and
     * {@code /why}; with {@code operators} null they answer "not available".
     */
    public TelegramBot(TelegramSettings settings, ChatService chat, TelegramTexts texts, Clock clock,
                       TelegramMetrics metrics, TelegramOperators operators) {
        this.operators = operators;
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.chat = Objects.requireNonNull(chat, "chat must not be null");
        this.texts = Objects.requireNonNull(texts, "texts must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        this.redactor = new Redactor(settings.token(), settings.webhook() == null ? null : settings.webhook().secret());
    }

    /**
     * Connects and starts answering. Throws {@link TelegramBotException} (with everything it started stopped again)
     * when the Bot API cannot be reached or the webhook endpoint cannot be bound.
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("TelegramBot can be started once, state is " + state);
        }
        state = State.RUNNING;
        try {
            startParts();
        } catch (Exception e) {
            close();
            throw new TelegramBotException("Telegram bot failed to start: " + redactor.redact(e.getMessage()),
                    redactor.redact(e));
        }
    }

    private void startParts() throws Exception {
        http = new HttpClients(settings, metrics, redactor);
        TelegramUrl url = telegramUrl(settings.apiUrl());
        BotApi api = new BotApi(new OkHttpTelegramClient(new ObjectMapper(), http.calls(), settings.token(), url),
                settings, redactor, metrics);
        User me = api.getMe();
        if (me.getUserName() == null || me.getUserName().isBlank()) {
            throw new IllegalStateException("getMe returned no username");
        }
        username = me.getUserName();
        registerCommands(api);
        lanes = new ChatLanes(settings.workers(), new DaemonThreads("newsbot-telegram-worker", redactor));
        typing = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("newsbot-telegram-typing", redactor));
        UpdateHandler handler = new UpdateHandler(parts(api), me.getId());
        if (settings.mode() == TelegramSettings.Mode.POLLING) {
            api.deleteWebhook();
            polling = new PollingReceiver(settings, http, url, redactor);
            polling.start(handler);
        } else {
            webhook = new WebhookReceiver(settings.webhook(), redactor);
            webhook.start(handler::accept);
            api.setWebhook(settings.webhook().publicUrl(), settings.webhook().secret());
        }
        LOG.info("Telegram bot @{} started ({} mode)", username, settings.mode().name().toLowerCase());
    }

    private UpdateHandler.Parts parts(BotApi api) {
        Map<Slot, Template> templates = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.values()) {
            templates.put(slot, texts.template(slot));
        }
        AnswerRenderer renderer = new AnswerRenderer(templates.get(Slot.ANSWER_SOURCES_HEADING).render(),
                AnswerRenderer.TELEGRAM_LIMIT);
        return new UpdateHandler.Parts(api, chat, templates, renderer, new RateLimiter(settings.chatLimit(), clock),
                new RateLimiter(settings.userLimit(), clock), lanes, typing, metrics, redactor, username,
                operatorCommands(api, templates));
    }

    private OperatorCommands operatorCommands(BotApi api, Map<Slot, Template> templates) {
        Supplier<List<String>> names = () -> chat.sets().stream().map(SetSummary::name).toList();
        if (operators == null) {
            return new OperatorCommands(null, null, null, templates, names);
        }
        reloads = Executors.newSingleThreadExecutor(new DaemonThreads("newsbot-telegram-reload", redactor));
        return new OperatorCommands(operators, operators.checks().apply(new TelegramGroupAdmins(api)), reloads,
                templates, names);
    }

    private void registerCommands(BotApi api) {
        try {
            api.setMyCommands(texts.commands());
        } catch (BotApiException e) {
            LOG.warn("Could not register the command menu: {}", e.getMessage());
        }
    }

    /** The bot's username as reported by getMe; empty before {@link #start()}. */
    public synchronized Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Where the webhook endpoint listens; empty unless started in webhook mode. */
    public synchronized Optional<InetSocketAddress> webhookAddress() {
        return webhook == null || state != State.RUNNING ? Optional.empty() : Optional.of(webhook.address());
    }

    /** Stops receiving, finishes or cancels in-flight answers and stops all threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (polling != null) {
            polling.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        if (lanes != null) {
            lanes.close(settings.shutdownGrace());
        }
        if (typing != null) {
            typing.shutdownNow();
        }
        if (reloads != null) {
            reloads.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
        LOG.info("Telegram bot stopped");
    }

    private static TelegramUrl telegramUrl(URI api) {
        int port = api.getPort() > 0 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }
}
