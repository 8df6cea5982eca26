package dev.newsbot.telegram;

/** The buckets of one process keep the {@link RateLimitsContract}; "the same place" is the same instance. */
class RateLimiterContractTest extends RateLimitsContract {

    private RateLimiter limiter;

    @Override
    protected RateLimits open(TelegramSettings.RateLimit limit) {
        if (limiter == null) {
            limiter = new RateLimiter(limit, clock);
        }
        return limiter;
    }
}
