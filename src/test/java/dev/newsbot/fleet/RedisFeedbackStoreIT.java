package dev.newsbot.fleet;

import dev.newsbot.telegram.FeedbackStore;
import dev.newsbot.telegram.FeedbackStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The fleet's Redis keeps the {@link FeedbackStoreContract}: each {@link #open} is another replica. */
class RedisFeedbackStoreIT extends FeedbackStoreContract {

    private final TestRedis redis = new TestRedis("feedback");
    private int replicas;

    @Override
    protected FeedbackStore open() {
        return redis.fleet("r" + ++replicas, Clock.systemUTC()).telegramStores().feedback(null);
    }

    @AfterEach
    void clean() {
        redis.close();
    }
}
