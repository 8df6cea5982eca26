package dev.newsbot.telegram;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.Reply;
import dev.newsbot.chat.ReplySource;
import dev.newsbot.chat.SetSummary;
import dev.newsbot.telegram.TelegramTexts.Slot;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Turns updates into answers. {@link #consume} (polling) and {@link #accept} (webhook) run on the receiving thread:
 * they append the updates to the {@link UpdateQueue} (the journal, forced to disk, or the fleet's stream; an update
 * kept before is a redelivery and is dropped) and only then let the receiver confirm them. The queue hands each update
 * back ({@link #start}) on its chat's lane, where the handler decides (addressed to the bot? rate-limited?) and queues
 * the work on the chat's lane. Lane tasks ask the {@link ChatService}, render and send (the last message of an answer
 * with the 👍/👎 buttons); a failure is logged with its stack trace and answered with a short apology. An edited question
 * is answered again by editing the earlier reply; button presses, inline queries (after their pause) and the bot's own
 * membership changes run on lanes too. Texts follow the user's {@code language_code}. An update is marked handled in
 * the queue once its answer was sent (or it needed none); one cut short by a crash or shutdown stays in the queue and
 * is answered after the next start (or by another replica).
 */
final class UpdateHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);
    private static final long JOURNAL_RETRY_MILLIS = 1000;
    /** Telegram lets a bot edit its messages for 48 hours; older answers are sent anew. */
    static final Duration EDITABLE = Duration.ofHours(48);
    /** How long Telegram may show an inline result to the same user without asking again. */
    static final int INLINE_CACHE_SECONDS = 30;
    private static final Pattern SET_LINK = Pattern.compile("set-([A-Za-z0-9_-]{1,60})");

    private final Parts parts;
    private final MessageRouter router;
    private final UpdateQueue queue;
    /** The updates being handled, by update id: what {@link #done} marks handled in the queue. */
    private final Map<Integer, QueuedUpdate> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final FollowUps followUps = new FollowUps(256, 10_000);
    private final Map<String, AnswerRenderer> renderers = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the handler works with; one record so the constructor stays short. */
    record Parts(BotApi api, ChatService chat, TelegramTexts texts, AnswerRenderer renderer,
                 RateLimits chatLimiter, RateLimits userLimiter, ChatLanes lanes,
                 ScheduledExecutorService typing, TelegramMetrics metrics, Redactor redactor, String username,
                 OperatorCommands operators, Clock clock, AnswerBook book, FeedbackButtons feedback,
                 InlineAnswers inline, Greetings greetings, LongFunction<String> loggedChat) {
    }

    UpdateHandler(Parts parts, long botId, UpdateQueue queue) {
        this.parts = parts;
        this.router = new MessageRouter(botId, parts.username());
        this.queue = queue;
    }

    /**
     * Appends a polled batch to the queue, retrying (one log line a second) while it cannot be kept, so that nothing
     * is confirmed before it is safe. Returns true once the batch is kept, so the poller may confirm it; false when
     * {@code stopping} turned true first.
     */
    boolean consume(List<Update> updates, BooleanSupplier stopping) {
        List<QueuedUpdate> batch = updates.stream().filter(u -> u != null && u.getUpdateId() != null)
                .map(UpdateJson::queued).toList();
        while (true) {
            try {
                queue.append(batch);
                return true;
            } catch (UncheckedIOException e) {
                LOG.error("Not confirming {} update(s) to Telegram: {}; retrying in 1 s", updates.size(),
                        e.getMessage());
                if (waitOrStop(stopping)) {
                    return false;
                }
            }
        }
    }

    /** Appends one webhook update to the queue; false when it could not be kept (answer 5xx). */
    boolean accept(Update update) {
        try {
            queue.append(List.of(UpdateJson.queued(update)));
            return true;
        } catch (UncheckedIOException e) {
            LOG.error("Not confirming update {} to Telegram: {}", update.getUpdateId(), e.getMessage(), e);
            return false;
        }
    }

    /** Whether this process may poll Telegram now (with replicas, only the lease holder polls). */
    boolean mayPoll() {
        return queue.mayPoll();
    }

    /** Starts taking updates from the queue: those left unanswered before the last stop first. */
    void start() {
        queue.start(this::deliver);
    }

    /** An update from the queue: on its chat's lane, handled unless the queue says it was already. */
    private void deliver(QueuedUpdate q) {
        boolean queued = parts.lanes().submit(q.lane(), () -> {
            try {
                if (queue.begin(q)) {
                    handle(q);
                }
            } catch (RuntimeException e) {
                LOG.error("Could not take update {} from the queue", q.updateId(), parts.redactor().redact(e));
            }
        });
        if (!queued) {
            LOG.info("Not handling update {}: the bot is shutting down", q.updateId());
        }
    }

    private static boolean waitOrStop(BooleanSupplier stopping) {
        try {
            for (long waited = 0; waited < JOURNAL_RETRY_MILLIS && !stopping.getAsBoolean(); waited += 50) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return stopping.getAsBoolean();
    }

    /** Handles one update taken from the queue; never throws. */
    private void handle(QueuedUpdate q) {
        Update update;
        try {
            update = UpdateJson.update(q);
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping update {}: {}", q.updateId(), e.getMessage());
            markHandled(q);
            return;
        }
        inFlight.put(update.getUpdateId(), q);
        try {
            dispatch(update);
        } catch (RuntimeException | Error e) {
            LOG.error("Could not handle update {}", update.getUpdateId(), parts.redactor().redact(e));
            parts.metrics().updateFailed();
            done(update);
        }
    }

    /** Marks the update handled in the queue; a failure only means it may be answered again. */
    private void done(Update update) {
        QueuedUpdate q = inFlight.remove(update.getUpdateId());
        if (q != null) {
            markHandled(q);
        }
    }

    private void markHandled(QueuedUpdate q) {
        try {
            queue.handled(q);
        } catch (RuntimeException e) {
            LOG.warn("Could not mark update {} answered: {}", q.updateId(), e.getMessage(), e);
        }
    }

    private void dispatch(Update update) {
        if (update.getCallbackQuery() != null) {
            press(update, update.getCallbackQuery());
            return;
        }
        if (update.getInlineQuery() != null) {
            parts.inline().offer(update.getInlineQuery());
            done(update);
            return;
        }
        if (update.getMyChatMember() != null) {
            membership(update, update.getMyChatMember());
            return;
        }
        boolean edited = update.getMessage() == null && update.getEditedMessage() != null;
        Message m = edited ? update.getEditedMessage() : update.getMessage();
        Inbound inbound = router.route(m);
        if (inbound instanceof Inbound.Ignored || edited && !(inbound instanceof Inbound.Question)) {
            LOG.debug("Ignoring update {}: {}", update.getUpdateId(),
                    inbound instanceof Inbound.Ignored ignored ? ignored.reason() : "an edited command");
            done(update);
            return;
        }
        String limit = rateLimitNotice(m);
        if (limit != null) {
            if (!limit.isEmpty()) {
                enqueue(update, m, () -> send(m, limit));
            } else {
                done(update);
            }
            return;
        }
        if (inbound instanceof Inbound.Question q) {
            enqueue(update, m, edited ? () -> reanswer(m, q) : () -> answer(m, q));
        } else {
            Inbound.Command c = (Inbound.Command) inbound;
            enqueue(update, m, () -> command(m, c));
        }
    }

    /** A button press: on the lane of its chat, acknowledged there; never apologised for. */
    private void press(Update update, CallbackQuery q) {
        long chat = q.getMessage() != null && q.getMessage().getChatId() != null ? q.getMessage().getChatId()
                : q.getFrom().getId();
        Runnable task = () -> {
            try {
                parts.feedback().press(q);
            } catch (RuntimeException e) {
                LOG.error("Could not record a button press in {}", parts.loggedChat().apply(chat), parts.redactor().redact(e));
                parts.metrics().updateFailed();
            }
            done(update);
        };
        if (!parts.lanes().submit(chat, task)) {
            LOG.info("Not handling update {}: the bot is shutting down", update.getUpdateId());
        }
    }

    /**
     * The bot's own membership of a group changed: added, it posts how to ask there (at most once per group);
     * removed, it forgets the group's set choice.
     */
    private void membership(Update update, ChatMemberUpdated change) {
        Chat chat = change.getChat();
        boolean group = "group".equals(chat.getType()) || "supergroup".equals(chat.getType());
        boolean was = isIn(change.getOldChatMember());
        boolean is = isIn(change.getNewChatMember());
        Runnable task;
        if (group && is && !was) {
            task = () -> {
                if (parts.greetings().first(chat.getId())) {
                    sendTo(chat.getId(), null, text(Slot.GREETING, change.getFrom()).render(me()));
                }
            };
        } else if (group && was && !is) {
            task = () -> parts.operators().forget(String.valueOf(chat.getId()));
        } else {
            done(update);
            return;
        }
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Could not handle the bot's membership change in {}", parts.loggedChat().apply(chat.getId()),
                        parts.redactor().redact(e));
                parts.metrics().updateFailed();
            }
            done(update);
        };
        if (!parts.lanes().submit(chat.getId(), guarded)) {
            LOG.info("Not handling update {}: the bot is shutting down", update.getUpdateId());
        }
    }

    private static boolean isIn(ChatMember member) {
        if (member == null) {
            return false;
        }
        String status = member.getStatus();
        return "member".equals(status) || "administrator".equals(status) || "creator".equals(status)
                || "restricted".equals(status) && member instanceof ChatMemberRestricted r
                && Boolean.TRUE.equals(r.getIsMember());
    }

    private void enqueue(Update update, Message m, Runnable work) {
        Runnable task = () -> runGuarded(update, m, work);
        if (!parts.lanes().submit(m.getChatId(), task)) {
            LOG.info("Not answering update {}: the bot is shutting down", update.getUpdateId());
        }
    }

    private void runGuarded(Update update, Message m, Runnable work) {
        int updateId = update.getUpdateId();
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            if (Thread.currentThread().isInterrupted() || parts.lanes().isClosed()) {
                LOG.info("Answer to update {} cancelled by shutdown; it is answered after the next start", updateId);
                return;
            }
            LOG.error("Failed to answer update {} in {}", updateId, parts.loggedChat().apply(m.getChatId()), parts.redactor().redact(e));
            parts.metrics().updateFailed();
            apologise(m);
        }
        done(update);
    }

    private void apologise(Message m) {
        try {
            send(m, text(Slot.APOLOGY, m.getFrom()).render());
        } catch (RuntimeException e) {
            LOG.warn("Could not send the apology to {}: {}", parts.loggedChat().apply(m.getChatId()), parts.redactor().redact(e.getMessage()));
        }
    }

    /** Null when allowed; the notice to send once when just limited; "" when limited and already told. */
    private String rateLimitNotice(Message m) {
        String user = "user:" + m.getFrom().getId();
        String chat = "chat:" + m.getChatId();
        RateLimits.Outcome u = parts.userLimiter().tryAcquire(user);
        if (u != RateLimits.Outcome.ALLOWED) {
            return limited(u, parts.userLimiter().retryIn(user), m.getFrom());
        }
        RateLimits.Outcome c = parts.chatLimiter().tryAcquire(chat);
        if (c != RateLimits.Outcome.ALLOWED) {
            parts.userLimiter().refund(user);
            return limited(c, parts.chatLimiter().retryIn(chat), m.getFrom());
        }
        return null;
    }

    private String limited(RateLimits.Outcome outcome, Duration retryIn, User user) {
        parts.metrics().rateLimited();
        if (outcome == RateLimits.Outcome.SILENT) {
            return "";
        }
        return text(Slot.RATE_LIMITED, user).render(Map.of("retry_in", TelegramHtml.escape(human(retryIn))));
    }

    /** Asks the chat service, showing "typing" (in the message's forum topic) until the reply is there. */
    private Reply ask(Message m, Inbound.Question q) {
        long chatId = m.getChatId();
        Integer topic = topic(m);
        String earlier = q.repliedToBotMsg() == null ? null : followUps.questionAnsweredBy(chatId, q.repliedToBotMsg());
        parts.api().sendChatActionAsync(chatId, topic, "typing");
        ScheduledFuture<?> typing = parts.typing().scheduleAtFixedRate(
                () -> parts.api().sendChatActionAsync(chatId, topic, "typing"), 4, 4, TimeUnit.SECONDS);
        try {
            Reply reply = parts.chat().ask(new ChatRequest(String.valueOf(chatId), String.valueOf(m.getFrom().getId()),
                    q.text(), Instant.ofEpochSecond(m.getDate()), earlier));
            if (reply == null) {
                throw new IllegalStateException("ChatService.ask returned null");
            }
            return localized(reply, m.getFrom());
        } finally {
            typing.cancel(false);
        }
    }

    private void answer(Message m, Inbound.Question q) {
        sendAnswer(m, q, ask(m, q));
    }

    /** Sends the reply's messages; the last carries the 👍/👎 buttons. Remembers the answer for them. */
    private void sendAnswer(Message m, Inbound.Question q, Reply reply) {
        List<String> messages = renderer(m.getFrom()).render(reply);
        String id = AnswerBook.newId();
        Instant sentAt = parts.clock().instant();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            int sent = send(m, messages.get(i), i == messages.size() - 1 ? FeedbackButtons.keyboard(id) : null);
            followUps.remember(m.getChatId(), sent, q.text());
            ids.add(sent);
        }
        parts.book().put(answered(id, m, reply, ids, sentAt));
    }

    /**
     * An edited question: answered again by editing the earlier answer's messages (further messages are sent
     * anew); when there is none, or it is too old to edit, or Telegram refuses the edit, the answer is sent anew.
     */
    private void reanswer(Message m, Inbound.Question q) {
        Optional<Answered> before = parts.book().answerTo(m.getChatId(), m.getMessageId());
        Reply reply = ask(m, q);
        if (before.isEmpty() || before.get().sentAt().plus(EDITABLE).isBefore(parts.clock().instant())) {
            sendAnswer(m, q, reply);
            return;
        }
        List<Integer> old = before.get().messageIds();
        List<String> messages = renderer(m.getFrom()).render(reply);
        String id = AnswerBook.newId();
        Instant sentAt = parts.clock().instant();
        List<Integer> ids = new ArrayList<>();
        try {
            for (int i = 0; i < messages.size(); i++) {
                InlineKeyboardMarkup keys = i == messages.size() - 1 ? FeedbackButtons.keyboard(id) : null;
                if (i < old.size()) {
                    edit(m.getChatId(), old.get(i), messages.get(i), keys);
                    ids.add(old.get(i));
                } else {
                    ids.add(send(m, messages.get(i), keys));
                }
                followUps.remember(m.getChatId(), ids.get(i), q.text());
            }
        } catch (BotApiException e) {
            if (e.errorCode() != 400 || !ids.isEmpty()) {
                throw e;
            }
            LOG.info("Could not edit the answer in {} ({}); sending it anew", parts.loggedChat().apply(m.getChatId()), e.description());
            sendAnswer(m, q, reply);
            return;
        }
        parts.book().put(answered(id, m, reply, ids, sentAt));
    }

    private void edit(long chatId, int messageId, String html, InlineKeyboardMarkup keys) {
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder().chatId(chatId)
                .messageId(messageId).replyMarkup(keys)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        try {
            parts.api().editMessageText(b.text(html).parseMode(ParseMode.HTML).build());
        } catch (BotApiException e) {
            if (!e.isEntityParseError()) {
                throw e;
            }
            parts.api().editMessageText(b.text(TelegramHtml.toPlainText(html)).parseMode(null).build());
        }
    }

    /** The answer as remembered; {@code sentAt} is taken before the first message went out. */
    private Answered answered(String id, Message m, Reply reply, List<Integer> ids, Instant sentAt) {
        String version = parts.chat().sets().stream().filter(s -> s.name().equals(reply.setName()))
                .map(SetSummary::version).findFirst().orElse("");
        List<String> urls = reply.sources().stream().map(ReplySource::url)
                .filter(u -> u != null && !u.isBlank()).toList();
        return new Answered(id, m.getChatId(), m.getMessageId(), ids, reply.question(),
                Instant.ofEpochSecond(m.getDate()), reply.setName(), version, reply.answer(), urls, reply.refused(),
                sentAt);
    }

    /** The renderer with the source-list heading of the user's language (the base one when it has none). */
    private AnswerRenderer renderer(User user) {
        String lang = user == null ? null : user.getLanguageCode();
        if (lang == null || !parts.texts().hasOwn(Slot.ANSWER_SOURCES_HEADING, lang)) {
            return parts.renderer();
        }
        return renderers.computeIfAbsent(TelegramTexts.baseLanguage(lang), code -> new AnswerRenderer(
                parts.texts().template(Slot.ANSWER_SOURCES_HEADING, code).render(), AnswerRenderer.TELEGRAM_LIMIT));
    }

    /** A refusal in the user's language when that language has its own refusal text; the reply as is otherwise. */
    private Reply localized(Reply reply, User user) {
        String lang = user == null ? null : user.getLanguageCode();
        if (!reply.refused() || lang == null || !parts.texts().hasOwn(Slot.REFUSAL, lang)) {
            return reply;
        }
        String text = TelegramHtml.toPlainText(parts.texts().template(Slot.REFUSAL, lang)
                .render(Map.of("set", TelegramHtml.escape(reply.setName()))));
        return new Reply(reply.question(), text, reply.sources(), true, reply.setName(), reply.cached());
    }

    /** An inline query, after its pause: one result with the cited answer, or one "not in the articles". */
    void answerInline(InlineQuery q) {
        String text = q.getQuery() == null ? "" : q.getQuery().strip();
        String user = "user:" + q.getFrom().getId();
        if (text.isEmpty() || parts.userLimiter().tryAcquire(user) != RateLimits.Outcome.ALLOWED) {
            if (!text.isEmpty()) {
                parts.metrics().rateLimited();
            }
            parts.api().answerInlineQuery(AnswerInlineQuery.builder().inlineQueryId(q.getId()).results(List.of())
                    .cacheTime(0).isPersonal(true).build());
            return;
        }
        String who = String.valueOf(q.getFrom().getId());
        Reply reply = localized(parts.chat().ask(new ChatRequest(who, who, text, parts.clock().instant(), null)),
                q.getFrom());
        String lang = q.getFrom().getLanguageCode();
        String message = renderer(q.getFrom()).render(reply).get(0);
        String title = reply.refused() ? TelegramHtml.toPlainText(text(Slot.INLINE_REFUSED, q.getFrom()).render())
                : AnswerRenderer.shorten(text, 64);
        InlineQueryResultArticle result = InlineQueryResultArticle.builder().id(reply.refused() ? "refused" : "answer")
                .title(title).description(AnswerRenderer.shorten(plainAnswer(reply), 200))
                .inputMessageContent(InputTextMessageContent.builder().messageText(message).parseMode(ParseMode.HTML)
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build())
                .build();
        parts.api().answerInlineQuery(AnswerInlineQuery.builder().inlineQueryId(q.getId()).results(List.of(result))
                .cacheTime(INLINE_CACHE_SECONDS).isPersonal(true).build());
        LOG.debug("Answered inline query {} ({})", q.getId(), lang);
    }

    /** The answer without its [n] markers: the short form shown under an inline result. */
    static String plainAnswer(Reply reply) {
        return reply.answer().replaceAll("\\s*\\[\\d+](?:\\s*\\[\\d+])*", "").strip();
    }

    private void command(Message m, Inbound.Command c) {
        if (OperatorCommands.NAMES.contains(c.name())) {
            parts.operators().handle(m, c, this::send);
            return;
        }
        switch (c.name()) {
            case "start" -> start(m, c.args());
            case "about" -> send(m, text(Slot.ABOUT, m.getFrom()).render(me()));
            case "ask" -> send(m, text(Slot.ASK_USAGE, m.getFrom()).render(me()));
            case "sources" -> send(m, sources(parts.chat().sets()));
            default -> send(m, help(m.getFrom()));
        }
    }

    /** The welcome; a deep link {@code ?start=set-<name>} also picks that set, with the rules of /use. */
    private void start(Message m, String payload) {
        send(m, text(Slot.START, m.getFrom()).render(me()));
        Matcher link = SET_LINK.matcher(payload);
        if (link.matches()) {
            parts.operators().use(m, link.group(1), this::send);
        }
    }

    private Map<String, String> me() {
        return Map.of("bot_username", TelegramHtml.escape(parts.username()));
    }

    private String help(User user) {
        String names = parts.chat().sets().stream().map(SetSummary::name).collect(Collectors.joining(", "));
        return text(Slot.HELP, user).render(Map.of("bot_username", TelegramHtml.escape(parts.username()),
                "set_names", TelegramHtml.escape(names.isEmpty() ? "none yet" : names),
                "add_to_group_url", TelegramHtml.escape("https://t.me/" + parts.username() + "?startgroup=start")));
    }

    private Template text(Slot slot, User user) {
        return parts.texts().template(slot, user == null ? null : user.getLanguageCode());
    }

    private String sources(List<SetSummary> sets) {
        if (sets.isEmpty()) {
            return parts.texts().template(Slot.SOURCES_EMPTY).render();
        }
        List<String> entries = new ArrayList<>();
        for (SetSummary s : sets) {
            entries.add(parts.texts().template(Slot.SOURCES_ENTRY).render(Map.of(
                    "name", TelegramHtml.escape(s.name()), "articles", String.valueOf(s.articles()),
                    "passages", String.valueOf(s.passages()), "version", TelegramHtml.escape(s.version()),
                    "newest", s.newest() == null ? "an unknown date" : s.newest().toString())));
        }
        String html = sourcesMessage(entries, sets.size());
        while (TelegramHtml.visibleLength(html) > AnswerRenderer.TELEGRAM_LIMIT && entries.size() > 1) {
            entries.remove(entries.size() - 1);
            html = sourcesMessage(entries, sets.size()) + "\n…";
        }
        return html;
    }

    private String sourcesMessage(List<String> entries, int count) {
        return parts.texts().template(Slot.SOURCES).render(Map.of("sets", String.join("\n", entries),
                "set_count", String.valueOf(count)));
    }

    private int send(Message to, String html) {
        return send(to, html, null);
    }

    /** Sends HTML as a reply to {@code to}; resends as plain text if Telegram cannot parse it. Returns the id. */
    private int send(Message to, String html, InlineKeyboardMarkup keys) {
        try {
            return parts.api().sendMessage(message(to, html, true, keys)).getMessageId();
        } catch (BotApiException e) {
            if (!e.isEntityParseError()) {
                throw e;
            }
            LOG.warn("Telegram rejected the HTML of a message to {} ({}); resending as plain text",
                    parts.loggedChat().apply(to.getChatId()), e.description());
            return parts.api().sendMessage(message(to, TelegramHtml.toPlainText(html), false, keys)).getMessageId();
        }
    }

    /** Sends HTML to a chat (not as a reply), in forum topic {@code topic} when not null. */
    private void sendTo(long chatId, Integer topic, String html) {
        parts.api().sendMessage(SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML)
                .messageThreadId(topic).linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .build());
    }

    private static SendMessage message(Message to, String text, boolean html, InlineKeyboardMarkup keys) {
        return SendMessage.builder().chatId(to.getChatId()).text(text).parseMode(html ? ParseMode.HTML : null)
                .replyParameters(ReplyParameters.builder().messageId(to.getMessageId())
                        .allowSendingWithoutReply(true).build())
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .messageThreadId(topic(to)).replyMarkup(keys)
                .build();
    }

    /** The forum topic a message was sent in, or null. */
    private static Integer topic(Message m) {
        return Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId() : null;
    }

    static String human(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return "about " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "about " + minutes + " minutes";
    }
}
