package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ChatLanesTest {

    private final ChatLanes lanes = new ChatLanes(4, new Redactor("1:abcdefghijkl").threads("test-lane"));

    @Test
    void should_keep_the_order_within_a_chat() {
        Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
        for (int i = 0; i < 200; i++) {
            for (long chat = 1; chat <= 5; chat++) {
                int n = i;
                long c = chat;
                lanes.submit(chat, () -> seen.computeIfAbsent(c, k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(n));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.values().stream().mapToInt(List::size).sum() == 1000);

        for (List<Integer> order : seen.values()) {
            assertThat(order).isSorted().hasSize(200);
        }
    }

    @Test
    void should_run_different_chats_concurrently_up_to_the_pool_size() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        for (long chat = 1; chat <= 6; chat++) {
            lanes.submit(chat, () -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                awaitQuietly(release);
                running.decrementAndGet();
            });
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 4);
        Thread.sleep(100);

        assertThat(maxRunning.get()).isEqualTo(4);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeChats() == 0);
    }

    @Test
    void should_keep_a_lane_going_after_a_task_throws() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        lanes.submit(1, () -> {
            throw new IllegalStateException("boom");
        });
        lanes.submit(1, () -> done.add("next"));

        await().atMost(Duration.ofSeconds(5)).until(() -> done.contains("next"));
    }

    @Test
    void should_cancel_running_tasks_after_the_grace_period_and_refuse_new_ones() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        lanes.submit(1, () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        lanes.close(Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(interrupted.get()).isEqualTo(1);
        assertThat(lanes.submit(1, () -> { })).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
