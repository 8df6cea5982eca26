package dev.newsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Long polling through TelegramBots' {@link TelegramBotsLongPollingApplication}, on our own daemon executor and OkHttp
 * client so {@link #close()} can really stop it. The library asks for {@code offset = last id + 1} only after the
 * consumer returned, so an update is confirmed only once it was handed over.
 */
final class PollingReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingReceiver.class);

    private final TelegramSettings settings;
    private final HttpClients http;
    private final TelegramUrl url;
    private final Redactor redactor;
    private final ScheduledExecutorService executor;
    private TelegramBotsLongPollingApplication app;

    PollingReceiver(TelegramSettings settings, HttpClients http, TelegramUrl url, Redactor redactor) {
        this.settings = settings;
        this.http = http;
        this.url = url;
        this.redactor = redactor;
        this.executor = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("newsbot-telegram-poll", redactor));
    }

    void start(LongPollingUpdateConsumer consumer) throws TelegramApiException {
        TelegramSettings.Retry retry = settings.retry();
        app = new TelegramBotsLongPollingApplication(ObjectMapper::new, http::polling, () -> executor,
                () -> new Backoff(retry.initialBackoff(), retry.maxBackoff()));
        int timeout = (int) settings.pollTimeout().toSeconds();
        app.registerBot(settings.token(), () -> url, last -> GetUpdates.builder().offset(last + 1).limit(100)
                .timeout(timeout).allowedUpdates(List.of("message")).build(), consumer);
    }

    @Override
    public void close() {
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                LOG.warn("Stopping the poller: {}", redactor.redact(String.valueOf(e)));
            }
        }
        http.cancelPolling();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("The poller did not stop within 1 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
