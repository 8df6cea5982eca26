package dev.newsbot.telegram;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where the Telegram front end keeps what outlives one update: the queue of received updates, the rate-limit buckets
 * and the feedback votes. {@link #LOCAL} keeps them in this process (the journal file, buckets in memory); a fleet of
 * replicas shares them in Redis (the {@code fleet} package).
 */
public interface TelegramStores {

    /** The queue of received updates; {@code journalDir} is where a local journal lives (null: in memory). */
    UpdateQueue updateQueue(Path journalDir);

    /** The buckets of one kind ({@code chat} or {@code user}) at {@code limit}. */
    RateLimits rateLimits(String kind, TelegramSettings.RateLimit limit, Clock clock);

    /** The feedback votes; {@code dir} is where a local {@code feedback.jsonl} lives (null: in memory). */
    FeedbackStore feedback(Path dir);

    /** Everything in this process. */
    TelegramStores LOCAL = new TelegramStores() {
        @Override
        public UpdateQueue updateQueue(Path journalDir) {
            return UpdateQueue.journal(journalDir);
        }

        @Override
        public RateLimits rateLimits(String kind, TelegramSettings.RateLimit limit, Clock clock) {
            return new RateLimiter(limit, clock);
        }

        @Override
        public FeedbackStore feedback(Path dir) {
            return FileFeedbackStore.open(dir);
        }
    };
}
