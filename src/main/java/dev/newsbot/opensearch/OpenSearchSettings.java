package dev.newsbot.opensearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the cluster is and how set versions are laid out in it.
 *
 * @param hosts       the nodes' HTTP addresses ({@code http://127.0.0.1:9200}); requests go to any live one
 * @param indexPrefix put in front of every index and alias name, so several bots can share a cluster
 * @param shards      primary shards of each set version's index
 * @param replicas    replicas of each shard
 * @param timeout     how long one request may take before the node counts as unavailable
 */
public record OpenSearchSettings(List<URI> hosts, String indexPrefix, int shards, int replicas, Duration timeout) {

    /** Index names are lower case; the prefix must keep them valid. */
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    public static final String DEFAULT_PREFIX = "newsbot-";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public OpenSearchSettings {
        hosts = List.copyOf(Objects.requireNonNull(hosts, "OpenSearchSettings.hosts must not be null"));
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("OpenSearchSettings.hosts must name at least one node");
        }
        for (URI host : hosts) {
            if (!"http".equals(host.getScheme()) && !"https".equals(host.getScheme()) || host.getHost() == null) {
                throw new IllegalArgumentException("OpenSearchSettings.hosts: '" + host
                        + "' is not an http(s)://host:port address");
            }
        }
        Objects.requireNonNull(indexPrefix, "OpenSearchSettings.indexPrefix must not be null");
        if (!PREFIX.matcher(indexPrefix).matches()) {
            throw new IllegalArgumentException("OpenSearchSettings.indexPrefix must be lower-case letters, digits, "
                    + "'_', '.' or '-', not starting with a sign, was '" + indexPrefix + "'");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("OpenSearchSettings.shards must be at least 1, was " + shards);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("OpenSearchSettings.replicas must not be negative, was " + replicas);
        }
        Objects.requireNonNull(timeout, "OpenSearchSettings.timeout must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("OpenSearchSettings.timeout must be positive, was " + timeout);
        }
    }

    /** One node, the default prefix, one shard, no replica: a development node. */
    public static OpenSearchSettings local(URI host) {
        return new OpenSearchSettings(List.of(host), DEFAULT_PREFIX, 1, 0, DEFAULT_TIMEOUT);
    }

    /** The same settings under another index prefix. */
    public OpenSearchSettings withPrefix(String prefix) {
        return new OpenSearchSettings(hosts, prefix, shards, replicas, timeout);
    }

    /** The alias questions search for a set: it always points at the set's served version. */
    public String alias(String setName) {
        return indexPrefix + safe(setName);
    }

    /** The index of one version of a set. */
    public String index(String setName, String version) {
        return alias(setName) + "-v-" + safe(version);
    }

    /** The pattern that matches every version's index of a set. */
    String versions(String setName) {
        return alias(setName) + "-v-*";
    }

    private static String safe(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    }
}
