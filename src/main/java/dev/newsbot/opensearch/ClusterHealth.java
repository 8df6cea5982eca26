package dev.newsbot.opensearch;

import dev.newsbot.ops.sets.Readiness;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bot's readiness in step with the cluster: an outage seen by a question ({@link #down}) or by the
 * periodic probe marks {@value #PART} not ready at once, and the probe marks it ready again as soon as the cluster
 * answers, so {@code /readyz} recovers by itself. Thread-safe.
 */
public final class ClusterHealth {

    static final String PART = "search";
    private static final Logger log = LoggerFactory.getLogger(ClusterHealth.class);

    private final OpenSearchCluster cluster;
    private final Readiness readiness;
    private final AtomicBoolean up = new AtomicBoolean(true);

    public ClusterHealth(OpenSearchCluster cluster, Readiness readiness) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    /** Probes the cluster every {@code periodMillis} on {@code scheduler}. */
    public void start(ScheduledExecutorService scheduler, long periodMillis) {
        scheduler.scheduleWithFixedDelay(this::probe, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Asks the cluster now and records the result. */
    public void probe() {
        if (cluster.reachable()) {
            if (up.compareAndSet(false, true)) {
                log.info("OpenSearch at {} answers again; search is back", cluster.settings().hosts());
            }
            readiness.ready(PART);
        } else {
            down("OpenSearch at " + cluster.settings().hosts() + " does not answer");
        }
    }

    /** Marks search unavailable for {@code reason}. */
    public void down(String reason) {
        if (up.compareAndSet(true, false)) {
            log.warn("Search is unavailable: {}", reason);
        }
        readiness.notReady(PART, reason);
    }
}
