package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UpdateQueue} promises: the journal of one process and the fleet's Redis stream both pass it.
 * {@link #open} gives a queue over the same place each time it is called in one test (the next start, or another
 * replica); {@link #crash} stops one as a crash would, without handing anything over.
 */
public abstract class UpdateQueueContract {

    protected static final Duration WAIT = Duration.ofSeconds(15);
    private final List<UpdateQueue> opened = new ArrayList<>();

    protected abstract UpdateQueue openQueue();

    protected abstract void crash(UpdateQueue queue);

    protected UpdateQueue open() {
        UpdateQueue q = openQueue();
        opened.add(q);
        return q;
    }

    @AfterEach
    void closeQueues() {
        opened.forEach(UpdateQueue::close);
    }

    /** A private message as Telegram sends it. */
    public static QueuedUpdate message(int updateId, long chat, String text) {
        String json = "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId
                + ",\"date\":1714564800,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Reader\"},\"text\":\"" + text + "\"}}";
        return new QueuedUpdate(updateId, chat, json, null);
    }

    /** Takes every update handed over, handling each that {@link UpdateQueue#begin} lets through. */
    protected static final class Taker {
        final List<QueuedUpdate> taken = new CopyOnWriteArrayList<>();
        final UpdateQueue queue;
        final boolean handle;

        Taker(UpdateQueue queue, boolean handle) {
            this.queue = queue;
            this.handle = handle;
        }

        synchronized void take(QueuedUpdate u) {
            if (queue.begin(u)) {
                taken.add(u);
                if (handle) {
                    queue.handled(u);
                }
            }
        }

        Map<Long, List<Integer>> byLane() {
            return taken.stream().collect(Collectors.groupingBy(QueuedUpdate::lane,
                    Collectors.mapping(QueuedUpdate::updateId, Collectors.toList())));
        }
    }

    @Test
    void should_hand_over_each_update_once_in_the_order_of_its_chat() {
        UpdateQueue queue = open();
        Taker taker = new Taker(queue, true);
        queue.start(taker::take);

        queue.append(List.of(message(1, 10, "a"), message(2, 20, "b"), message(3, 10, "c")));
        queue.append(List.of(message(1, 10, "a"), message(4, 20, "d")));
        queue.append(List.of(message(5, 10, "e")));

        await().atMost(WAIT).until(() -> taker.taken.size() >= 5);
        assertThat(taker.byLane()).isEqualTo(Map.of(10L, List.of(1, 3, 5), 20L, List.of(2, 4)));
    }

    @Test
    void should_hand_over_after_a_crash_what_was_not_handled_and_nothing_else() {
        UpdateQueue first = open();
        List<QueuedUpdate> seen = new CopyOnWriteArrayList<>();
        first.start(u -> {
            if (first.begin(u)) {
                seen.add(u);
                if (u.updateId() != 2) {
                    first.handled(u);
                }
            }
        });
        first.append(List.of(message(1, 10, "a"), message(2, 10, "b"), message(3, 20, "c")));
        await().atMost(WAIT).until(() -> seen.size() >= 3);
        crash(first);

        UpdateQueue second = open();
        Taker taker = new Taker(second, true);
        second.start(taker::take);
        second.append(List.of(message(3, 20, "c"), message(4, 10, "d")));

        await().atMost(WAIT).until(() -> taker.taken.size() >= 2);
        assertThat(taker.byLane()).isEqualTo(Map.of(10L, List.of(2, 4)));
    }

    @Test
    void should_not_hand_over_again_an_update_delivered_twice_after_it_was_handled() throws InterruptedException {
        UpdateQueue queue = open();
        Taker taker = new Taker(queue, true);
        queue.start(taker::take);
        queue.append(List.of(message(7, 30, "once")));
        await().atMost(WAIT).until(() -> taker.taken.size() >= 1);

        queue.append(List.of(message(7, 30, "once"), message(8, 30, "then")));

        await().atMost(WAIT).until(() -> taker.taken.size() >= 2);
        Thread.sleep(300);
        assertThat(taker.byLane()).isEqualTo(Map.of(30L, List.of(7, 8)));
    }
}
