package dev.newsbot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The OpenSearch node of the integration tests: {@code -Dnewsbot.opensearch.it.url} (the build passes
 * {@code opensearch.it.url}, default {@code http://127.0.0.1:9200}), started by {@code scripts/opensearch-dev.sh
 * start}. With {@code CI} set the tests fail when it does not answer; without, they are skipped and say so once.
 */
public final class OpenSearchNode {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private OpenSearchNode() {
    }

    /** The node's address, or skips (fails in CI) the calling test when no node answers there. */
    public static URI require() {
        URI url = URI.create(System.getProperty("newsbot.opensearch.it.url", "http://127.0.0.1:9200"));
        boolean up = answers(url);
        String message = "no OpenSearch node answers at " + url + "; start one with scripts/opensearch-dev.sh start"
                + " (or pass -Dopensearch.it.url=...)";
        if (!up && System.getenv("CI") != null) {
            throw new IllegalStateException(message + ": CI is set, so the OpenSearch tests must run");
        }
        if (!up && TOLD.compareAndSet(false, true)) {
            System.err.println("OpenSearch tests skipped: " + message);
        }
        assumeTrue(up, message);
        return url;
    }

    private static boolean answers(URI url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(url.resolve("/_cluster/health")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
