package dev.newsbot.telegram;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.Reply;
import dev.newsbot.chat.SetSummary;
import dev.newsbot.telegram.TelegramTexts.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Turns updates into answers. {@link #consume} (polling) and {@link #accept} (webhook) run on the receiving thread:
 * they journal the updates in the {@link Inbox} (forced to disk; an update journaled before is a redelivery and is
 * dropped) and only then let the receiver confirm them, then decide (addressed to the bot? rate-limited?) and queue
 * the work on the chat's lane. Lane tasks ask the {@link ChatService}, render and send; a failure is logged with its
 * stack trace and answered with a short apology. An update is marked handled in the inbox once its answer was sent
 * (or it needed none); one cut short by a crash or shutdown stays pending and {@link #replay} answers it after the
 * next start.
 */
final class UpdateHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);
    private static final long JOURNAL_RETRY_MILLIS = 1000;

    private final Parts parts;
    private final MessageRouter router;
    private final Inbox inbox;
    private final FollowUps followUps = new FollowUps(256, 10_000);

    /** What the handler works with; one record so the constructor stays short. */
    record Parts(BotApi api, ChatService chat, Map<Slot, Template> texts, AnswerRenderer renderer,
                 RateLimiter chatLimiter, RateLimiter userLimiter, ChatLanes lanes,
                 ScheduledExecutorService typing, TelegramMetrics metrics, Redactor redactor, String username,
                 OperatorCommands operators) {
    }

    UpdateHandler(Parts parts, long botId, Inbox inbox) {
        this.parts = parts;
        this.router = new MessageRouter(botId, parts.username());
        this.inbox = inbox;
    }

    /**
     * Journals a polled batch, retrying (one log line a second) while the journal cannot be written, then handles
     * the updates not seen before. Returns true once the batch is journaled, so the poller may confirm it; false
     * when {@code stopping} turned true first.
     */
    boolean consume(List<Update> updates, BooleanSupplier stopping) {
        List<Update> fresh;
        while (true) {
            try {
                fresh = inbox.receive(updates);
                break;
            } catch (UncheckedIOException e) {
                LOG.error("Not confirming {} update(s) to Telegram: {}; retrying in 1 s", updates.size(),
                        e.getMessage());
                if (waitOrStop(stopping)) {
                    return false;
                }
            }
        }
        fresh.forEach(this::handle);
        return true;
    }

    /** Journals one webhook update and handles it if new; false when it could not be journaled (answer 5xx). */
    boolean accept(Update update) {
        List<Update> fresh;
        try {
            fresh = inbox.receive(List.of(update));
        } catch (UncheckedIOException e) {
            LOG.error("Not confirming update {} to Telegram: {}", update.getUpdateId(), e.getMessage());
            return false;
        }
        fresh.forEach(this::handle);
        return true;
    }

    /** Handles the updates the inbox holds from before the last stop (journaled, never marked handled). */
    void replay(List<Update> pending) {
        if (!pending.isEmpty()) {
            LOG.info("Answering {} update(s) received before the last stop", pending.size());
        }
        pending.forEach(this::handle);
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

    /** Handles one journaled update; never throws. */
    private void handle(Update update) {
        try {
            dispatch(update);
        } catch (RuntimeException | Error e) {
            LOG.error("Could not handle update {}", update.getUpdateId(), parts.redactor().redact(e));
            parts.metrics().updateFailed();
            done(update);
        }
    }

    /** Marks the update handled in the inbox; a failure only means it may be answered again after a restart. */
    private void done(Update update) {
        try {
            inbox.handled(update);
        } catch (UncheckedIOException e) {
            LOG.warn("Could not mark update {} answered: {}", update.getUpdateId(), e.getMessage());
        }
    }

    private void dispatch(Update update) {
        Message m = update.getMessage();
        Inbound inbound = router.route(m);
        if (inbound instanceof Inbound.Ignored ignored) {
            LOG.debug("Ignoring update {}: {}", update.getUpdateId(), ignored.reason());
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
            enqueue(update, m, () -> answer(m, q));
        } else {
            Inbound.Command c = (Inbound.Command) inbound;
            enqueue(update, m, () -> command(m, c));
        }
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
            LOG.error("Failed to answer update {} in chat {}", updateId, m.getChatId(), parts.redactor().redact(e));
            parts.metrics().updateFailed();
            apologise(m);
        }
        done(update);
    }

    private void apologise(Message m) {
        try {
            send(m, parts.texts().get(Slot.APOLOGY).render());
        } catch (RuntimeException e) {
            LOG.warn("Could not send the apology to chat {}: {}", m.getChatId(), parts.redactor().redact(e.getMessage()));
        }
    }

    /** Null when allowed; the notice to send once when just limited; "" when limited and already told. */
    private String rateLimitNotice(Message m) {
        String user = "user:" + m.getFrom().getId();
        String chat = "chat:" + m.getChatId();
        RateLimiter.Outcome u = parts.userLimiter().tryAcquire(user);
        if (u != RateLimiter.Outcome.ALLOWED) {
            return limited(u, parts.userLimiter().retryIn(user));
        }
        RateLimiter.Outcome c = parts.chatLimiter().tryAcquire(chat);
        if (c != RateLimiter.Outcome.ALLOWED) {
            parts.userLimiter().refund(user);
            return limited(c, parts.chatLimiter().retryIn(chat));
        }
        return null;
    }

    private String limited(RateLimiter.Outcome outcome, Duration retryIn) {
        parts.metrics().rateLimited();
        if (outcome == RateLimiter.Outcome.SILENT) {
            return "";
        }
        return parts.texts().get(Slot.RATE_LIMITED).render(Map.of("retry_in", TelegramHtml.escape(human(retryIn))));
    }

    private void answer(Message m, Inbound.Question q) {
        long chatId = m.getChatId();
        String earlier = q.repliedToBotMsg() == null ? null : followUps.questionAnsweredBy(chatId, q.repliedToBotMsg());
        parts.api().sendChatActionAsync(chatId, "typing");
        ScheduledFuture<?> typing = parts.typing().scheduleAtFixedRate(
                () -> parts.api().sendChatActionAsync(chatId, "typing"), 4, 4, TimeUnit.SECONDS);
        try {
            Reply reply = parts.chat().ask(new ChatRequest(String.valueOf(chatId), String.valueOf(m.getFrom().getId()),
                    q.text(), Instant.ofEpochSecond(m.getDate()), earlier));
            if (reply == null) {
                throw new IllegalStateException("ChatService.ask returned null");
            }
            List<String> messages = parts.renderer().render(reply);
            typing.cancel(false);
            for (String html : messages) {
                followUps.remember(chatId, send(m, html), q.text());
            }
        } finally {
            typing.cancel(false);
        }
    }

    private void command(Message m, Inbound.Command c) {
        if (OperatorCommands.NAMES.contains(c.name())) {
            parts.operators().handle(m, c, this::send);
            return;
        }
        Map<String, String> me = Map.of("bot_username", TelegramHtml.escape(parts.username()));
        switch (c.name()) {
            case "start" -> send(m, parts.texts().get(Slot.START).render(me));
            case "about" -> send(m, parts.texts().get(Slot.ABOUT).render(me));
            case "ask" -> send(m, parts.texts().get(Slot.ASK_USAGE).render(me));
            case "sources" -> send(m, sources(parts.chat().sets()));
            default -> send(m, help());
        }
    }

    private String help() {
        String names = parts.chat().sets().stream().map(SetSummary::name).collect(Collectors.joining(", "));
        return parts.texts().get(Slot.HELP).render(Map.of("bot_username", TelegramHtml.escape(parts.username()),
                "set_names", TelegramHtml.escape(names.isEmpty() ? "none yet" : names)));
    }

    private String sources(List<SetSummary> sets) {
        if (sets.isEmpty()) {
            return parts.texts().get(Slot.SOURCES_EMPTY).render();
        }
        List<String> entries = new ArrayList<>();
        for (SetSummary s : sets) {
            entries.add(parts.texts().get(Slot.SOURCES_ENTRY).render(Map.of(
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
        return parts.texts().get(Slot.SOURCES).render(Map.of("sets", String.join("\n", entries),
                "set_count", String.valueOf(count)));
    }

    /** Sends HTML as a reply to {@code to}; resends as plain text if Telegram cannot parse it. Returns the id. */
    private int send(Message to, String html) {
        try {
            return parts.api().sendMessage(message(to, html, true)).getMessageId();
        } catch (BotApiException e) {
            if (!e.isEntityParseError()) {
                throw e;
            }
            LOG.warn("Telegram rejected the HTML of a message to chat {} ({}); resending as plain text",
                    to.getChatId(), e.description());
            return parts.api().sendMessage(message(to, TelegramHtml.toPlainText(html), false)).getMessageId();
        }
    }

    private static SendMessage message(Message to, String text, boolean html) {
        return SendMessage.builder().chatId(to.getChatId()).text(text).parseMode(html ? ParseMode.HTML : null)
                .replyParameters(ReplyParameters.builder().messageId(to.getMessageId())
                        .allowSendingWithoutReply(true).build())
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .messageThreadId(Boolean.TRUE.equals(to.getIsTopicMessage()) ? to.getMessageThreadId() : null)
                .build();
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
