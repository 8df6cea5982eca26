package dev.newsbot.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.cache.CacheCounts;
import org.junit.jupiter.api.Test;

class BotMetricsTest {

    @Test
    void should_keep_counting_a_cache_after_garbage_collection() throws InterruptedException {
        BotMetrics metrics = new BotMetrics();
        CacheCounts counts = new CacheCounts(3, 7);
        metrics.cache("answers", () -> counts);

        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(metrics.scrape())
                .contains("newsbot_cache_hits_total{cache=\"answers\"} 3.0")
                .contains("newsbot_cache_misses_total{cache=\"answers\"} 7.0");
    }
}
