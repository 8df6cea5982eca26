package dev.newsbot.fleet;

import dev.newsbot.telegram.UpdateQueue;
import dev.newsbot.telegram.UpdateQueueContract;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The fleet's Redis streams keep the {@link UpdateQueueContract}: each {@link #openQueue} is another replica, and a
 * crash leaves its leases and pending entries for the next one to take over after the claim timeout.
 */
class RedisUpdateStreamIT extends UpdateQueueContract {

    private final TestRedis redis = new TestRedis("stream");
    private final Map<UpdateQueue, Fleet> owners = new IdentityHashMap<>();
    private int replicas;

    @Override
    protected UpdateQueue openQueue() {
        Fleet fleet = redis.fleet("r" + ++replicas, Clock.systemUTC());
        UpdateQueue queue = fleet.telegramStores().updateQueue(null);
        owners.put(queue, fleet);
        return queue;
    }

    @Override
    protected void crash(UpdateQueue queue) {
        owners.get(queue).abandon();
    }

    @AfterEach
    void clean() {
        redis.close();
    }
}
