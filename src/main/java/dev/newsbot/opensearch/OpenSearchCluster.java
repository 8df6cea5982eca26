package dev.newsbot.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * One connection to a cluster: JSON in, JSON out, over opensearch-java's transport (live-node selection, retries of
 * dead nodes, credentials). An unreachable node, a timeout or a server error is a {@link
 * SearchUnavailableException}; a refused request an {@link OpenSearchRequestException}. Thread-safe.
 */
public final class OpenSearchCluster implements AutoCloseable {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final Timeout CONNECT = Timeout.ofSeconds(1);

    private final OpenSearchClient client;
    private final OpenSearchGenericClient generic;
    private final ObjectMapper mapper = new ObjectMapper();
    private final OpenSearchSettings settings;

    private OpenSearchCluster(OpenSearchClient client, OpenSearchSettings settings) {
        this.client = client;
        this.generic = client.generic();
        this.settings = settings;
    }

    /** A client for {@code settings.hosts()}; no request is sent yet. */
    public static OpenSearchCluster connect(OpenSearchSettings settings, Optional<OpenSearchCredentials> credentials) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(credentials, "credentials");
        HttpHost[] hosts = settings.hosts().stream().map(OpenSearchCluster::host).toArray(HttpHost[]::new);
        Timeout response = Timeout.ofMilliseconds(settings.timeout().toMillis());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(c -> c.setConnectTimeout(CONNECT).setResponseTimeout(response))
                .setHttpClientConfigCallback(http -> {
                    credentials.ifPresent(c -> http.setDefaultCredentialsProvider(provider(hosts, c)));
                    return http.setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectionRequestTimeout(CONNECT).build());
                });
        return new OpenSearchCluster(new OpenSearchClient(builder.build()), settings);
    }

    public OpenSearchSettings settings() {
        return settings;
    }

    /** Whether the cluster answers its root endpoint now. */
    public boolean reachable() {
        try {
            send("GET", "/_cluster/health", null);
            return true;
        } catch (SearchUnavailableException e) {
            return false;
        }
    }

    /** Sends a JSON request; {@code body} is a Jackson tree, a map or null. */
    JsonNode send(String method, String endpoint, Object body) {
        return exchange(method, endpoint, body == null ? null : Body.from(bytes(body), JSON), false).orElseThrow();
    }

    /** Like {@link #send} but a 404 is an empty answer. */
    Optional<JsonNode> sendAllowingMissing(String method, String endpoint, Object body) {
        return exchange(method, endpoint, body == null ? null : Body.from(bytes(body), JSON), true);
    }

    /** Sends newline-delimited JSON (a bulk request). */
    JsonNode sendLines(String endpoint, byte[] lines) {
        return exchange("POST", endpoint, Body.from(lines, NDJSON), false).orElseThrow();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private Optional<JsonNode> exchange(String method, String endpoint, Body body, boolean allowMissing) {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.body(body);
        }
        try (Response response = generic.execute(request.build())) {
            int status = response.getStatus();
            String text = response.getBody().map(Body::bodyAsString).orElse("");
            if (status == 404 && allowMissing) {
                return Optional.empty();
            }
            if (status >= 500 || status == 429) {
                throw new SearchUnavailableException(method + " " + endpoint + ": HTTP " + status + " " + brief(text));
            }
            if (status >= 400) {
                throw new OpenSearchRequestException(method + " " + endpoint + ": HTTP " + status + " " + brief(text));
            }
            return Optional.of(text.isEmpty() ? mapper.createObjectNode() : mapper.readTree(text));
        } catch (IOException e) {
            throw new SearchUnavailableException(method + " " + endpoint + ": " + e, e);
        }
    }

    private byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String brief(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static HttpHost host(URI uri) {
        int port = uri.getPort() == -1 ? 9200 : uri.getPort();
        return new HttpHost(uri.getScheme(), uri.getHost(), port);
    }

    private static BasicCredentialsProvider provider(HttpHost[] hosts, OpenSearchCredentials credentials) {
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        for (HttpHost host : hosts) {
            provider.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(credentials.username(),
                    credentials.password().toCharArray()));
        }
        return provider;
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
