package dev.newsbot.fleet;

import dev.newsbot.telegram.RateLimits;
import dev.newsbot.telegram.RateLimitsContract;
import dev.newsbot.telegram.TelegramSettings;
import org.junit.jupiter.api.AfterEach;

/** The fleet's Redis buckets keep the {@link RateLimitsContract}: each {@link #open} is another replica. */
class RedisRateLimitsIT extends RateLimitsContract {

    private final TestRedis redis = new TestRedis("ratelimits");
    private int replicas;

    @Override
    protected RateLimits open(TelegramSettings.RateLimit limit) {
        return redis.fleet("r" + ++replicas, clock).telegramStores().rateLimits("user", limit, clock);
    }

    @AfterEach
    void clean() {
        redis.close();
    }
}
