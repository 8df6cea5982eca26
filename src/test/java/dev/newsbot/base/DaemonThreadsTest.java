package dev.newsbot.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void should_number_daemon_threads_after_the_prefix() {
        DaemonThreads threads = new DaemonThreads("newsbot-test");

        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("newsbot-test-1");
        assertThat(second.getName()).isEqualTo("newsbot-test-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getState()).isEqualTo(Thread.State.NEW);
    }

    @Test
    void should_name_a_single_thread_exactly() {
        Thread thread = DaemonThreads.thread("newsbot-watcher", () -> { });

        assertThat(thread.getName()).isEqualTo("newsbot-watcher");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void should_hand_an_escaped_exception_to_the_handler() throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        Thread thread = new DaemonThreads("newsbot-test", (t, e) -> seen.complete(e)).newThread(() -> {
            throw new IllegalStateException("boom");
        });

        thread.start();

        assertThat(seen.get(5, TimeUnit.SECONDS)).hasMessage("boom");
    }

    @Test
    void should_name_the_bad_field() {
        assertThatThrownBy(() -> new DaemonThreads(" ")).hasMessage("DaemonThreads.prefix must not be blank");
        assertThatThrownBy(() -> DaemonThreads.thread(null, () -> { }))
                .hasMessage("DaemonThreads.name must not be blank");
    }
}
