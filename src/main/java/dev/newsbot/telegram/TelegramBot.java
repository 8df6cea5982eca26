package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.SetSummary;
import dev.newsbot.ops.sets.Readiness;
import dev.newsbot.telegram.TelegramTexts.Slot;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;

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
    /** How many answers are remembered for their buttons and for edits of their questions. */
    static final int ANSWERS_REMEMBERED = 10_000;

    private final TelegramSettings settings;
    private final ChatService chat;
    private final TelegramTexts texts;
    private final Clock clock;
    private final TelegramMetrics metrics;
    private final Redactor redactor;
    private final TelegramOperators operators;
    private final Path inboxDir;
    private final TelegramHealth health;
    private final TelegramStores stores;
    private final CountDownLatch closing = new CountDownLatch(1);
    private State state = State.NEW;
    private HttpClients http;
    private UpdateQueue inbox;
    private FeedbackLog feedback;
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
     * {@code /why}; with {@code operators} null they answer "not available". Its inbox lives only in memory.
     */
    public TelegramBot(TelegramSettings settings, ChatService chat, TelegramTexts texts, Clock clock,
                       TelegramMetrics metrics, TelegramOperators operators) {
        this(settings, chat, texts, clock, metrics, operators, null, null);
    }

    /**
     * The full bot.
     *
     * @param inboxDir  where the durable inbox journal lives (e.g. {@code NEWSBOT_HOME/telegram}); null keeps it
     *                  in memory, so updates in flight at a crash are lost
     * @param readiness where the bot reports that it is not ready and why ({@code /readyz}); null for none
     */
    public TelegramBot(TelegramSettings settings, ChatService chat, TelegramTexts texts, Clock clock,
                       TelegramMetrics metrics, TelegramOperators operators, Path inboxDir, Readiness readiness) {
        this(settings, chat, texts, clock, metrics, operators, inboxDir, readiness, TelegramStores.LOCAL);
    }

    /**
     * The full bot, keeping its update queue and rate limits in {@code stores} (one replica of a fleet shares them
     * with the others).
     */
    public TelegramBot(TelegramSettings settings, ChatService chat, TelegramTexts texts, Clock clock,
                       TelegramMetrics metrics, TelegramOperators operators, Path inboxDir, Readiness readiness,
                       TelegramStores stores) {
        this.stores = Objects.requireNonNull(stores, "stores must not be null");
        this.operators = operators;
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.chat = Objects.requireNonNull(chat, "chat must not be null");
        this.texts = Objects.requireNonNull(texts, "texts must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        this.inboxDir = inboxDir;
        this.health = new TelegramHealth(readiness);
        this.redactor = new Redactor(settings.token(), settings.webhook() == null ? null : settings.webhook().secret());
    }

    /**
     * Connects and starts answering. While the Bot API is unavailable (no answer, 429, 5xx) it keeps trying with
     * capped back-off, logging each retry in one line and reporting it through the readiness; it returns once the
     * bot receives updates, or when {@link #close()} was called meanwhile. Throws {@link TelegramBotException}
     * (with everything it started stopped again) when Telegram refuses for good (e.g. 401 for a wrong token), the
     * inbox cannot be opened or the webhook endpoint cannot be bound.
     */
    public void start() {
        BotApi api;
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("TelegramBot can be started once, state is " + state);
            }
            state = State.RUNNING;
        }
        try {
            health.waiting("connecting to the Bot API");
            api = openParts();
            User me = api == null ? null : connect(api);
            if (me != null) {
                startReceiving(api, me);
                if (announce(api) != null) {
                    LOG.info("Telegram bot @{} started ({} mode)", me.getUserName(),
                            settings.mode().name().toLowerCase(Locale.ROOT));
                }
            }
        } catch (Exception e) {
            close();
            throw new TelegramBotException("Telegram bot failed to start: " + redactor.redact(e.getMessage()),
                    redactor.redact(e));
        }
    }

    /** The HTTP clients and the inbox; null when closed meanwhile. */
    private synchronized BotApi openParts() {
        if (state != State.RUNNING) {
            return null;
        }
        http = new HttpClients(settings, metrics, redactor);
        inbox = stores.updateQueue(inboxDir);
        feedback = new FeedbackLog(stores.feedback(inboxDir), clock);
        return new BotApi(client(http.calls()), settings, redactor, metrics);
    }

    private OkHttpTelegramClient client(OkHttpClient okHttp) {
        return new OkHttpTelegramClient(new ObjectMapper(), okHttp, settings.token(), telegramUrl(settings.apiUrl()));
    }

    /** getMe, the command menu and deleteWebhook (polling), each retried until it works; null when closed first. */
    private User connect(BotApi api) {
        User me = retrying(api::getMe);
        if (me == null) {
            return null;
        }
        if (me.getUserName() == null || me.getUserName().isBlank()) {
            throw new IllegalStateException("getMe returned no username");
        }
        if (retrying(() -> registerMenus(api)) == null) {
            return null;
        }
        if (settings.mode() == TelegramSettings.Mode.POLLING && retrying(() -> {
            api.deleteWebhook();
            return true;
        }) == null) {
            return null;
        }
        return me;
    }

    /**
     * Runs {@code step} until it succeeds, waiting with capped back-off (or 429's {@code retry_after}) after each
     * transient failure; rethrows a lasting one. Null when the bot was closed meanwhile.
     */
    private <T> T retrying(Supplier<T> step) {
        TelegramSettings.Retry retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (BotApiException e) {
                if (closing.getCount() == 0) {
                    return null;
                }
                if (!e.isTransient()) {
                    throw e;
                }
                long delay = Backoff.nextDelayMillis(retry, e.retryAfterMillis(), attempt);
                health.failing(e, delay, attempt);
                if (awaitClosing(delay)) {
                    return null;
                }
            }
        }
    }

    private boolean awaitClosing(long millis) {
        try {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private synchronized void startReceiving(BotApi api, User me) throws Exception {
        if (state != State.RUNNING) {
            return;
        }
        username = me.getUserName();
        lanes = new ChatLanes(settings.workers(), redactor.threads("newsbot-telegram-worker"));
        typing = Executors.newSingleThreadScheduledExecutor(redactor.threads("newsbot-telegram-typing"));
        AtomicReference<UpdateHandler> self = new AtomicReference<>();
        UpdateHandler handler = new UpdateHandler(parts(api, q -> self.get().answerInline(q)), me.getId(), inbox);
        self.set(handler);
        handler.start();
        if (settings.mode() == TelegramSettings.Mode.POLLING) {
            BotApi pollApi = new BotApi(client(http.polling()), settings, redactor, metrics,
                    settings.pollReadTimeout());
            polling = new PollingReceiver(settings, pollApi, http, health, redactor);
            polling.start(handler);
        } else {
            webhook = new WebhookReceiver(settings.webhook(), redactor);
            webhook.start(handler::accept);
        }
    }

    /** In webhook mode, tells Telegram where to post (retried like {@link #connect}); null when closed first. */
    private Boolean announce(BotApi api) {
        if (settings.mode() == TelegramSettings.Mode.POLLING) {
            health.ok();
            return true;
        }
        Boolean set = retrying(() -> {
            api.setWebhook(settings.webhook().publicUrl(), settings.webhook().secret());
            return true;
        });
        if (set != null) {
            health.ok();
        }
        return set;
    }

    private UpdateHandler.Parts parts(BotApi api, Consumer<InlineQuery> answerInline) {
        Map<Slot, Template> templates = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.values()) {
            templates.put(slot, texts.template(slot));
        }
        AnswerRenderer renderer = new AnswerRenderer(templates.get(Slot.ANSWER_SOURCES_HEADING).render(),
                AnswerRenderer.TELEGRAM_LIMIT);
        AnswerBook book = new AnswerBook(ANSWERS_REMEMBERED);
        FeedbackButtons buttons = new FeedbackButtons(api, book, feedback, metrics,
                lang -> plain(Slot.FEEDBACK_THANKS, lang), lang -> plain(Slot.FEEDBACK_EXPIRED, lang));
        return new UpdateHandler.Parts(api, chat, texts, renderer,
                stores.rateLimits("chat", settings.chatLimit(), clock),
                stores.rateLimits("user", settings.userLimit(), clock), lanes, typing, metrics, redactor, username,
                operatorCommands(api, templates), clock, book, buttons, new InlineAnswers(typing, lanes, answerInline),
                Greetings.open(inboxDir), feedback::loggedChat);
    }

    private String plain(Slot slot, String lang) {
        return TelegramHtml.toPlainText(texts.template(slot, lang).render());
    }

    private OperatorCommands operatorCommands(BotApi api, Map<Slot, Template> templates) {
        Supplier<List<String>> names = () -> chat.sets().stream().map(SetSummary::name).toList();
        if (operators == null) {
            return new OperatorCommands(null, null, null, templates, names, feedback::loggedChat);
        }
        reloads = Executors.newSingleThreadExecutor(redactor.threads("newsbot-telegram-reload"));
        return new OperatorCommands(operators, operators.checks().apply(new TelegramGroupAdmins(api)), reloads,
                templates, names, feedback::loggedChat);
    }

    /**
     * Registers the command menus (default scope, every group chat, each admin's private chat; each again per
     * language that has its own) and the descriptions. A lasting refusal (4xx) is logged and start-up goes on.
     */
    private Boolean registerMenus(BotApi api) {
        List<String> admins = operators == null ? List.of()
                : operators.checks().apply(new TelegramGroupAdmins(api)).admins().stream().sorted().toList();
        registerMenus(api, null, texts.commands(), texts.menus(), admins);
        texts.languages().forEach((code, language) -> registerMenus(api, code, language.menus().get("default"),
                language.menus(), admins));
        lasting("setMyDescription", () -> api.setMyDescription(plain(Slot.DESCRIPTION, null), null));
        lasting("setMyShortDescription", () -> api.setMyShortDescription(plain(Slot.SHORT_DESCRIPTION, null), null));
        texts.languages().forEach((code, language) -> {
            if (language.templates().containsKey(Slot.DESCRIPTION)) {
                lasting("setMyDescription", () -> api.setMyDescription(plain(Slot.DESCRIPTION, code), code));
            }
            if (language.templates().containsKey(Slot.SHORT_DESCRIPTION)) {
                lasting("setMyShortDescription",
                        () -> api.setMyShortDescription(plain(Slot.SHORT_DESCRIPTION, code), code));
            }
        });
        return true;
    }

    private void registerMenus(BotApi api, String lang, List<TelegramTexts.Command> main,
                               Map<String, List<TelegramTexts.Command>> menus, List<String> admins) {
        if (main != null) {
            lasting("setMyCommands", () -> api.setMyCommands(main, null, lang));
        }
        List<TelegramTexts.Command> group = menus.get("group");
        if (group != null) {
            lasting("setMyCommands", () -> api.setMyCommands(group, new BotCommandScopeAllGroupChats(), lang));
        }
        List<TelegramTexts.Command> admin = menus.get("admin");
        if (admin != null) {
            for (String id : admins) {
                lasting("setMyCommands", () -> api.setMyCommands(admin, new BotCommandScopeChat(id), lang));
            }
        }
    }

    /** Runs one registration; transient failures propagate (start-up retries), lasting ones are logged. */
    private static void lasting(String what, Runnable call) {
        try {
            call.run();
        } catch (BotApiException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.warn("Could not register the bot's {}: {}", what, e.getMessage());
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
        closing.countDown();
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
        if (inbox != null) {
            inbox.close();
        }
        if (feedback != null) {
            feedback.close();
        }
        LOG.info("Telegram bot stopped");
    }

    private static TelegramUrl telegramUrl(URI api) {
        int port = api.getPort() > 0 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }
}
