package dev.newsbot.fleet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The fleet's metrics: {@code newsbot_fleet_partitions} (stream partitions this replica reads),
 * {@code newsbot_fleet_polling} (1 while it holds the polling lease), {@code newsbot_fleet_claimed_total} (updates
 * taken over from a dead replica) and {@code newsbot_fleet_duplicates_skipped_total} (redelivered updates found
 * answered already).
 */
final class FleetMetrics {

    private final MeterRegistry meters;
    private final Counter claimed;
    private final Counter skipped;

    FleetMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.claimed = Counter.builder("newsbot.fleet.claimed")
                .description("updates taken over from a replica that died").register(meters);
        this.skipped = Counter.builder("newsbot.fleet.duplicates.skipped")
                .description("redelivered updates found answered already").register(meters);
    }

    void partitions(IntSupplier held) {
        Gauge.builder("newsbot.fleet.partitions", held, IntSupplier::getAsInt)
                .description("stream partitions this replica reads").register(meters);
    }

    void polling(BooleanSupplier holds) {
        Gauge.builder("newsbot.fleet.polling", holds, h -> h.getAsBoolean() ? 1 : 0)
                .description("1 while this replica holds the polling lease").register(meters);
    }

    void claimed(int count) {
        claimed.increment(count);
    }

    void duplicateSkipped() {
        skipped.increment();
    }
}
