package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void should_close_in_reverse_order_of_creation() {
        List<String> closed = new ArrayList<>();
        Resources resources = new Resources();
        resources.own("first", () -> closed.add("first"));
        resources.own("second", () -> closed.add("second"));
        resources.own("third", () -> closed.add("third"));

        assertThat(resources.closingOrder()).containsExactly("third", "second", "first");
        resources.close();

        assertThat(closed).containsExactly("third", "second", "first");
    }

    @Test
    void should_close_the_others_when_one_fails() {
        List<String> closed = new ArrayList<>();
        Resources resources = new Resources();
        resources.own("first", () -> closed.add("first"));
        resources.own("broken", () -> {
            throw new IllegalStateException("cannot stop");
        });
        resources.own("third", () -> closed.add("third"));

        resources.close();

        assertThat(closed).containsExactly("third", "first");
    }

    @Test
    void should_close_each_once_and_refuse_new_ones_after_closing() {
        List<String> closed = new ArrayList<>();
        Resources resources = new Resources();
        resources.own("only", () -> closed.add("only"));

        resources.close();
        resources.close();

        assertThat(closed).containsExactly("only");
        assertThatThrownBy(() -> resources.own("late", () -> { })).hasMessageContaining("cannot own late");
    }

    @Test
    void should_stop_a_pool_it_owns() {
        Resources resources = new Resources();
        ExecutorService pool = resources.pool("pool", Executors.newSingleThreadExecutor());

        resources.close();

        assertThat(pool.isShutdown()).isTrue();
    }
}
