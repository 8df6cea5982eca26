package dev.newsbot.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenSearchClusterTest {

    @Test
    void should_report_an_unreachable_node_as_unavailable_quickly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OpenSearchSettings settings = new OpenSearchSettings(List.of(URI.create("http://127.0.0.1:" + port)),
                "t-", 1, 0, Duration.ofSeconds(2));
        try (OpenSearchCluster cluster = OpenSearchCluster.connect(settings, Optional.empty())) {
            long start = System.nanoTime();

            assertThat(cluster.reachable()).isFalse();
            assertThatThrownBy(() -> new PassageSearch(cluster, "t-world", 10, 0.5f).keyword(List.of("flood"), 5, null))
                    .isInstanceOf(SearchUnavailableException.class).hasMessageContaining("t-world/_search");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void should_name_the_bad_setting() {
        assertThatThrownBy(() -> new OpenSearchSettings(List.of(URI.create("ftp://127.0.0.1:9200")), "p-", 1, 0,
                Duration.ofSeconds(1))).hasMessageContaining("OpenSearchSettings.hosts");
        assertThatThrownBy(() -> OpenSearchSettings.local(URI.create("http://h:1")).withPrefix("Bad Prefix"))
                .hasMessageContaining("OpenSearchSettings.indexPrefix");
        assertThat(new OpenSearchCredentials("bot", "s3cret")).asString().doesNotContain("s3cret");
    }

    @Test
    void should_name_each_version_under_the_set_alias() {
        OpenSearchSettings settings = OpenSearchSettings.local(URI.create("http://127.0.0.1:9200"));

        assertThat(settings.alias("World News")).isEqualTo("newsbot-world_news");
        assertThat(settings.index("World News", "9b0a4d1c")).isEqualTo("newsbot-world_news-v-9b0a4d1c");
    }
}
