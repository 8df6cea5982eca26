package dev.newsbot.app;

import dev.newsbot.articles.ArticleSet;
import dev.newsbot.bench.BenchEngine;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.Secrets;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.UrlSlugs;
import dev.newsbot.opensearch.ClusterHealth;
import dev.newsbot.opensearch.OpenSearchCluster;
import dev.newsbot.opensearch.OpenSearchCredentials;
import dev.newsbot.opensearch.OpenSearchSets;
import dev.newsbot.opensearch.OpenSearchSettings;
import dev.newsbot.ops.sets.Readiness;
import dev.newsbot.ops.sets.StorePublisher;
import dev.newsbot.search.SearchBench;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The search engine chosen by {@code search.engine}: in process (nothing to set up), or an OpenSearch cluster with
 * its publisher of set versions and its health probe. Closing it closes the cluster's connections.
 */
final class SearchEngine implements AutoCloseable {

    /** How often the cluster is probed, so that {@code /readyz} follows it within this time. */
    static final long PROBE_MILLIS = 2000;

    private final OpenSearchCluster cluster;
    private final OpenSearchSets sets;
    private ClusterHealth health;

    private SearchEngine(OpenSearchCluster cluster, OpenSearchSets sets) {
        this.cluster = cluster;
        this.sets = sets;
    }

    static SearchEngine of(NewsbotConfig.Search search, Secrets secrets, TextAnalyzer analyzer, int dimension) {
        if (!search.engine().equals(NewsbotConfig.Search.OPENSEARCH)) {
            return new SearchEngine(null, null);
        }
        OpenSearchCluster cluster = OpenSearchCluster.connect(settings(search.opensearch()), credentials(secrets));
        return new SearchEngine(cluster, new OpenSearchSets(cluster, TextAnalyzer.stopWords(), dimension,
                UrlSlugs::heading, analyzer, IndexedSet.SOURCE_BOOST));
    }

    private static OpenSearchSettings settings(NewsbotConfig.OpenSearch os) {
        return new OpenSearchSettings(os.hosts().stream().map(h -> URI.create(h.strip())).toList(), os.indexPrefix(),
                os.shards(), os.replicas(), Duration.ofMillis(os.timeoutMillis()));
    }

    private static Optional<OpenSearchCredentials> credentials(Secrets secrets) {
        return secrets.opensearchUsername().map(user -> new OpenSearchCredentials(user,
                secrets.opensearchPassword().orElse("")));
    }

    StorePublisher publisher() {
        return sets == null ? StorePublisher.IN_PROCESS : sets;
    }

    /** The engine as the benchmark measures it. */
    BenchEngine bench() {
        if (sets == null) {
            return BenchEngine.IN_PROCESS;
        }
        return new BenchEngine() {
            @Override
            public String name() {
                return NewsbotConfig.Search.OPENSEARCH;
            }

            @Override
            public PassageStore publish(PassageStore built) {
                return sets.publish(built);
            }

            @Override
            public PassageStore ingest(SearchBench search, ArticleSet set) {
                StorePublisher.Draft draft = sets.draft(set, search.settings());
                PassageStore built;
                try {
                    built = search.index(set, draft).store();
                } catch (RuntimeException | Error e) {
                    draft.abandon();
                    throw e;
                }
                return sets.publish(built);
            }

            @Override
            public long storedBytes(PassageStore published) {
                return sets.storedBytes(published);
            }

            @Override
            public void drop(String setName) {
                sets.drop(setName);
            }
        };
    }

    /** Starts probing the cluster, reporting into {@code readiness}; nothing for the in-process engine. */
    void watch(Readiness readiness, ScheduledExecutorService scheduler) {
        if (cluster != null) {
            health = new ClusterHealth(cluster, readiness);
            health.start(scheduler, PROBE_MILLIS);
        }
    }

    /** A question found search unavailable. */
    void down(RuntimeException e) {
        if (health != null) {
            health.down(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
