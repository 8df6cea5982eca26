package dev.newsbot.fleet;

import dev.newsbot.ops.why.Explanations;
import dev.newsbot.ops.why.ExplanationsContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The fleet's explanations keep the {@link ExplanationsContract}: each {@link #open} is another replica. */
class RedisExplanationsIT extends ExplanationsContract {

    private final TestRedis redis = new TestRedis("why");
    private int replicas;

    @Override
    protected Explanations open() {
        return redis.fleet("r" + ++replicas, Clock.systemUTC()).explanations();
    }

    @AfterEach
    void clean() {
        redis.close();
    }
}
