package dev.newsbot.sources;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every outgoing request of the web sources, with the JDK {@code HttpClient}: GET only, to listed hosts only, one
 * request per host at a time, within a size and a time limit, following at most {@value #MAX_REDIRECTS} redirects
 * itself (each checked against the listed hosts; a loop is refused), conditional when the caller has an
 * {@code ETag} or {@code Last-Modified}. Thread-safe.
 */
final class Fetcher {

    static final int MAX_REDIRECTS = 5;

    private final Set<String> hosts;
    private final String userAgent;
    private final long maxBytes;
    private final Duration timeout;
    /** Made at the first request: building it sets up TLS, about a second of a start that fetches nothing. */
    private HttpClient client;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();

    /**
     * @param hosts     the hosts requests may go to: {@code host} (any port) or {@code host:port}, lower case
     * @param userAgent sent with every request
     * @param maxBytes  the largest body read
     * @param timeout   the longest one request may take, from sending it to the body's last byte
     */
    Fetcher(Set<String> hosts, String userAgent, long maxBytes, Duration timeout) {
        this.hosts = Set.copyOf(Objects.requireNonNull(hosts, "hosts must not be null"));
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent must not be null");
        this.maxBytes = maxBytes;
        this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                    .build();
        }
        return client;
    }

    /** True when requests may go to this URL's host. */
    boolean allowed(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return hosts.contains(host) || hosts.contains(host + ":" + url.getPort());
    }

    /**
     * GETs the URL.
     *
     * @param etag         the {@code ETag} of the copy the caller has, or null
     * @param lastModified its {@code Last-Modified}, or null
     * @throws FetchException naming the URL: a host not listed, a redirect loop or too many redirects, a status
     *                        other than 200 or 304, a body over the size limit, a timeout, an I/O error
     */
    Response get(URI url, String etag, String lastModified) throws FetchException {
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!"http".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(current.getScheme())) {
                throw new FetchException(url, "redirected to " + current + ", which is not http or https");
            }
            if (!allowed(current)) {
                throw new FetchException(url, (hop == 0 ? "host " : "redirected to " + current + ", whose host ")
                        + current.getHost() + " is not listed (sources.allowHosts); nothing is fetched from it");
            }
            if (!visited.add(current)) {
                throw new FetchException(url, "redirect loop at " + current);
            }
            HttpResponse<byte[]> response = send(url, current, hop == 0 ? etag : null, hop == 0 ? lastModified : null);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        new FetchException(url, "HTTP " + status + " without a Location"));
                current = current.resolve(location.strip());
                continue;
            }
            if (status != 200 && status != 304) {
                throw new FetchException(url, "HTTP " + status);
            }
            return toResponse(current, response);
        }
        throw new FetchException(url, "more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<byte[]> send(URI original, URI url, String etag, String lastModified)
            throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                        + "text/xml;q=0.9, text/html;q=0.8, */*;q=0.1");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        Semaphore gate = perHost.computeIfAbsent(url.getHost() + ":" + url.getPort(), h -> new Semaphore(1, true));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!gate.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException(original, "timed out waiting for another request to " + url.getHost());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(original, "interrupted");
        }
        CompletableFuture<HttpResponse<byte[]>> future = null;
        try {
            future = client().sendAsync(request.build(), info -> limited(info));
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(original, "timed out after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new FetchException(original, "response larger than the limit of " + maxBytes
                        + " bytes (sources.maxBytes)");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new FetchException(original, "timed out after " + timeout.toSeconds() + " s");
            }
            throw new FetchException(original, "cannot fetch: " + (cause instanceof IOException
                    ? cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage())
                    : String.valueOf(cause)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(original, "interrupted");
        } finally {
            gate.release();
        }
    }

    /** Refuses a declared length over the limit at once, and stops reading a body that grows past it. */
    private BodySubscriber<byte[]> limited(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            BodySubscriber<byte[]> refused = BodySubscribers.replacing(null);
            return new Limited(refused, -1);
        }
        return new Limited(BodySubscribers.ofByteArray(), maxBytes);
    }

    private static Response toResponse(URI url, HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        Charset charset = null;
        for (String part : type.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    charset = Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    charset = null;
                }
            }
        }
        return new Response(url, response.statusCode(), type.split(";")[0].strip(), charset, response.body(),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    /** The body is over the size limit. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts the bytes and fails the body once they pass the limit (a limit below zero fails it at once). */
    private static final class Limited implements BodySubscriber<byte[]> {
        private final BodySubscriber<byte[]> delegate;
        private final long limit;
        private final AtomicLong seen = new AtomicLong();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Limited(BodySubscriber<byte[]> delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
            delegate.getBody().whenComplete((body, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(body);
                }
            });
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (limit < 0) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            delegate.onSubscribe(s);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            long n = items.stream().mapToLong(ByteBuffer::remaining).sum();
            if (seen.addAndGet(n) > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            delegate.onNext(items);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!result.isDone()) {
                delegate.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!result.isDone()) {
                delegate.onComplete();
            }
        }
    }
}
