package dev.newsbot.ops.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of an {@link HttpService}.
 *
 * @param maxBodyBytes   the largest request body accepted; a larger one gets 413
 * @param maxHeaderBytes the largest request line plus headers accepted; larger gets 431
 * @param idleTimeout    a connection that sends and receives nothing for this long is closed
 * @param headerTimeout  a new connection that has not sent a whole request line and headers within this long is
 *                       closed (a client that trickles its headers byte by byte is not idle, so the idle timeout
 *                       alone would not end it)
 * @param maxThreads     the threads of the server's pool, its acceptor and selector included
 */
public record HttpLimits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout, Duration headerTimeout,
                         int maxThreads) {

    /** The threads Jetty keeps for itself: one acceptor and one selector. */
    static final int JETTY_THREADS = 2;

    /**
     * 1 MiB bodies, 8 KiB headers, 20 s idle, 10 s for the first request's headers, 8 threads. Telegram's updates
     * are a few KiB; the admin endpoints take no body.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(1 << 20, 8 << 10, Duration.ofSeconds(20), Duration.ofSeconds(10), 8);
    }

    public HttpLimits {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be 0 or more, was " + maxBodyBytes);
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, was " + maxHeaderBytes);
        }
        positive("idleTimeout", idleTimeout);
        positive("headerTimeout", headerTimeout);
        if (maxThreads < JETTY_THREADS + 2) {
            throw new IllegalArgumentException("maxThreads must be at least " + (JETTY_THREADS + 2) + ", was "
                    + maxThreads);
        }
    }

    /** These limits with another body limit. */
    public HttpLimits withMaxBodyBytes(int bytes) {
        return new HttpLimits(bytes, maxHeaderBytes, idleTimeout, headerTimeout, maxThreads);
    }

    /** These limits with other timeouts. */
    public HttpLimits withTimeouts(Duration idle, Duration header) {
        return new HttpLimits(maxBodyBytes, maxHeaderBytes, idle, header, maxThreads);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
