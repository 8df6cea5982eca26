package dev.newsbot.fleet;

import dev.newsbot.ops.chats.SetChoices;
import dev.newsbot.ops.chats.SetChoicesContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The fleet's Redis hash keeps the {@link SetChoicesContract}: each {@link #open} is another replica. */
class RedisSetChoicesIT extends SetChoicesContract {

    private final TestRedis redis = new TestRedis("setchoices");
    private int replicas;

    @Override
    protected SetChoices open() {
        return redis.fleet("r" + ++replicas, Clock.systemUTC()).setChoices("default", KNOWN, NAMES);
    }

    @AfterEach
    void clean() {
        redis.close();
    }
}
