package dev.newsbot.telegram;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.description.SetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyShortDescription;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Bot API calls the bot makes, over TelegramBots' {@link OkHttpTelegramClient}. Every call is bounded by the call
 * timeout (the library's future may never complete otherwise); 429 waits {@code retry_after} and resends; 5xx and
 * connection failures back off exponentially; every failure that escapes is a redacted {@link BotApiException}.
 */
final class BotApi {

    private static final Logger LOG = LoggerFactory.getLogger(BotApi.class);

    private final OkHttpTelegramClient client;
    private final TelegramSettings.Retry retry;
    private final Duration timeout;
    private final Redactor redactor;
    private final TelegramMetrics metrics;

    BotApi(OkHttpTelegramClient client, TelegramSettings settings, Redactor redactor, TelegramMetrics metrics) {
        this(client, settings, redactor, metrics, settings.callTimeout());
    }

    /** @param timeout how long one call may take (the long-poll client's is longer than the calls') */
    BotApi(OkHttpTelegramClient client, TelegramSettings settings, Redactor redactor, TelegramMetrics metrics,
           Duration timeout) {
        this.client = client;
        this.retry = settings.retry();
        this.timeout = timeout;
        this.redactor = redactor;
        this.metrics = metrics;
    }

    /** One attempt: start-up retries it itself, logging each retry in one line. */
    User getMe() {
        return call("getMe", 1, () -> client.executeAsync(new GetMe()));
    }

    /** The updates the bot asks for, in polling and webhook mode alike. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query",
            "inline_query", "my_chat_member");

    /** One attempt, like {@link #getMe()}. */
    void setMyCommands(List<TelegramTexts.Command> commands) {
        setMyCommands(commands, null, null);
    }

    /**
     * One attempt, like {@link #getMe()}: the menu for {@code scope} (null: the default scope) and users whose
     * language is {@code languageCode} (null: everyone else).
     */
    void setMyCommands(List<TelegramTexts.Command> commands, BotCommandScope scope, String languageCode) {
        List<BotCommand> list = commands.stream().map(c -> new BotCommand(c.name(), c.description())).toList();
        SetMyCommands set = SetMyCommands.builder().commands(list).scope(scope).languageCode(languageCode).build();
        call("setMyCommands", 1, () -> client.executeAsync(set));
    }

    /** One attempt: the text of an empty chat with the bot, for {@code languageCode} (null: everyone else). */
    void setMyDescription(String description, String languageCode) {
        SetMyDescription set = SetMyDescription.builder().description(description).languageCode(languageCode).build();
        call("setMyDescription", 1, () -> client.executeAsync(set));
    }

    /** One attempt: the bot's profile text and share text, for {@code languageCode} (null: everyone else). */
    void setMyShortDescription(String description, String languageCode) {
        SetMyShortDescription set = SetMyShortDescription.builder().shortDescription(description)
                .languageCode(languageCode).build();
        call("setMyShortDescription", 1, () -> client.executeAsync(set));
    }

    /** Edits a message's text (and keyboard); Telegram's "message is not modified" counts as done. */
    void editMessageText(EditMessageText edit) {
        try {
            call("editMessageText", () -> client.executeAsync(edit));
        } catch (BotApiException e) {
            if (e.errorCode() != 400 || !String.valueOf(e.description()).contains("message is not modified")) {
                throw e;
            }
        }
    }

    /** Acknowledges a button press, showing {@code text} as a short notice (none when null). */
    void answerCallbackQuery(String id, String text) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(id).text(text).build();
        call("answerCallbackQuery", () -> client.executeAsync(answer));
    }

    void answerInlineQuery(AnswerInlineQuery answer) {
        call("answerInlineQuery", () -> client.executeAsync(answer));
    }

    /** One attempt, like {@link #getMe()}. */
    void setWebhook(URI url, String secret) {
        SetWebhook hook = SetWebhook.builder().url(url.toString()).secretToken(secret)
                .allowedUpdates(ALLOWED_UPDATES).build();
        call("setWebhook", 1, () -> client.executeAsync(hook));
    }

    /** One attempt, like {@link #getMe()}. */
    void deleteWebhook() {
        call("deleteWebhook", 1, () -> client.executeAsync(new DeleteWebhook()));
    }

    /** One long poll (the poller retries it itself): the updates from {@code offset} on, waiting up to
     * {@code timeoutSeconds} for one. */
    List<Update> getUpdates(int offset, int timeoutSeconds) {
        GetUpdates get = GetUpdates.builder().offset(offset).limit(100).timeout(timeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES).build();
        return call("getUpdates", 1, () -> client.executeAsync(get));
    }

    ChatMember getChatMember(long chatId, long userId) {
        GetChatMember get = GetChatMember.builder().chatId(chatId).userId(userId).build();
        return call("getChatMember", () -> client.executeAsync(get));
    }

    Message sendMessage(SendMessage message) {
        return call("sendMessage", () -> client.executeAsync(message));
    }

    /** Best effort, never blocks: failures are logged at debug level. */
    void sendChatActionAsync(long chatId, String action) {
        sendChatActionAsync(chatId, null, action);
    }

    /** Like {@link #sendChatActionAsync(long, String)}, in the forum topic {@code threadId} when not null. */
    void sendChatActionAsync(long chatId, Integer threadId, String action) {
        try {
            client.executeAsync(SendChatAction.builder().chatId(chatId).messageThreadId(threadId).action(action)
                            .build())
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            LOG.debug("sendChatAction failed: {}", redactor.redact(String.valueOf(e)));
                        }
                    });
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("sendChatAction failed: {}", redactor.redact(String.valueOf(e)));
        }
    }

    /** Runs one call with the timeout, retry and redaction policy. */
    <T> T call(String method, ApiCall<T> call) {
        return call(method, retry.maxAttempts(), call);
    }

    /** Like {@link #call(String, ApiCall)} with at most {@code attempts} attempts. */
    <T> T call(String method, int attempts, ApiCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, call);
            } catch (RetryLater r) {
                if (attempts == 1) {
                    throw r.failure;
                }
                if (attempt >= attempts) {
                    throw new BotApiException(method, r.failure.errorCode(),
                            r.failure.description() + " (gave up after " + attempt + " attempts)", r.failure.getCause());
                }
                long delay = Backoff.nextDelayMillis(retry, r.delayMillis, attempt);
                LOG.warn("{}; retrying in {} ms (attempt {} of {})", r.failure.getMessage(), delay, attempt + 1,
                        attempts);
                sleep(method, delay);
            }
        }
    }

    private <T> T once(String method, ApiCall<T> call) throws RetryLater {
        CompletableFuture<T> future;
        try {
            future = call.start();
        } catch (TelegramApiException | RuntimeException e) {
            throw new BotApiException(method, 0, redactor.redact(String.valueOf(e.getMessage())), redactor.redact(e));
        }
        try {
            return future.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            metrics.apiError(method, "timeout");
            throw new BotApiException(method, 0, "no answer within " + timeout.toMillis() + " ms", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new BotApiException(method, 0, "interrupted", null);
        } catch (ExecutionException e) {
            throw classify(method, e.getCause() == null ? e : e.getCause());
        }
    }

    private RuntimeException classify(String method, Throwable cause) throws RetryLater {
        if (cause instanceof TelegramApiRequestException r) {
            return classifyApiError(method, r);
        }
        if (cause instanceof ApiErrorInterceptor.ServerErrorException s) {
            throw new RetryLater(new BotApiException(method, s.status(), "HTTP " + s.status(), null), -1);
        }
        if (cause instanceof InterruptedIOException) {
            return new BotApiException(method, 0, "no answer within " + timeout.toMillis() + " ms", null);
        }
        BotApiException failure = new BotApiException(method, 0, redactor.redact(String.valueOf(cause)),
                redactor.redact(cause));
        if (cause instanceof IOException) {
            throw new RetryLater(failure, -1);
        }
        return failure;
    }

    private RuntimeException classifyApiError(String method, TelegramApiRequestException r) throws RetryLater {
        int code = r.getErrorCode() == null ? 0 : r.getErrorCode();
        String description = redactor.redact(r.getApiResponse() != null ? r.getApiResponse() : r.getMessage());
        BotApiException failure = new BotApiException(method, code, description, null);
        if (code == 429) {
            Integer after = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
            long seconds = after == null ? 1 : Math.max(0, after);
            if (seconds <= retry.maxRetryAfter().toSeconds()) {
                long millis = TimeUnit.SECONDS.toMillis(seconds);
                throw new RetryLater(new BotApiException(method, code, description, null, millis), millis);
            }
        } else if (code >= 500) {
            throw new RetryLater(failure, -1);
        }
        return failure;
    }

    private static void sleep(String method, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotApiException(method, 0, "interrupted while waiting to retry", null);
        }
    }

    /** Starts one asynchronous Bot API call. */
    @FunctionalInterface
    interface ApiCall<T> {
        CompletableFuture<T> start() throws TelegramApiException;
    }

    /** A failure worth another attempt, after {@code delayMillis} (or the back-off when negative). */
    private static final class RetryLater extends Exception {

        final transient BotApiException failure;
        final long delayMillis;

        RetryLater(BotApiException failure, long delayMillis) {
            super(null, null, false, false);
            this.failure = failure;
            this.delayMillis = delayMillis;
        }
    }
}
