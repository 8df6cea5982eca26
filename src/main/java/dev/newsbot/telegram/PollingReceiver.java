package dev.newsbot.telegram;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling on its own daemon thread. Each batch of updates is handed to {@link UpdateHandler#consume}, which
 * journals it in the {@link Inbox} (forced to disk) before it returns; only then does the next {@code getUpdates}
 * carry {@code offset = last id + 1}, which confirms the batch to Telegram. So an update is never confirmed before
 * it is journaled. Failed polls back off ({@link Backoff}, or 429's {@code retry_after}) without end, each logged in
 * one line and reported through {@link TelegramHealth}. {@link #close()} cancels the poll in flight and returns
 * within about a second.
 */
final class PollingReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingReceiver.class);
    /** How often a replica without the polling lease looks again whether it may poll. */
    private static final long LEASE_WAIT_MILLIS = 250;

    private final TelegramSettings settings;
    private final BotApi api;
    private final HttpClients http;
    private final TelegramHealth health;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private UpdateHandler handler;

    /** @param api a client whose timeout covers a whole long poll */
    PollingReceiver(TelegramSettings settings, BotApi api, HttpClients http, TelegramHealth health,
                    Redactor redactor) {
        this.settings = settings;
        this.api = api;
        this.http = http;
        this.health = health;
        this.thread = redactor.threads("newsbot-telegram-poll").newThread(this::run);
    }

    void start(UpdateHandler updates) {
        this.handler = updates;
        thread.start();
    }

    private void run() {
        TelegramSettings.Retry retry = settings.retry();
        int timeout = (int) settings.pollTimeout().toSeconds();
        int offset = 0;
        int failures = 0;
        while (stopping.getCount() > 0) {
            if (!handler.mayPoll()) {
                health.ok();
                pause(LEASE_WAIT_MILLIS);
                continue;
            }
            List<Update> updates;
            try {
                updates = api.getUpdates(offset, timeout);
            } catch (BotApiException e) {
                if (stopping.getCount() == 0) {
                    break;
                }
                long delay = Backoff.nextDelayMillis(retry, e.retryAfterMillis(), ++failures);
                health.failing(e, delay, failures);
                pause(delay);
                continue;
            }
            failures = 0;
            health.ok();
            if (!updates.isEmpty() && handler.consume(updates, () -> stopping.getCount() == 0)) {
                offset = Math.max(offset, updates.stream().mapToInt(Update::getUpdateId).max().orElse(0) + 1);
            }
        }
    }

    private void pause(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        http.cancelPolling();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The poller did not stop within 1 s");
        }
    }
}
