package dev.newsbot.opensearch;

import static dev.newsbot.opensearch.OpenSearchFixtures.axis;
import static dev.newsbot.opensearch.OpenSearchFixtures.passage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.index.IndexSettings;
import dev.newsbot.index.Passage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SetIndexesIT {

    private static final IndexSchema SCHEMA = IndexSchema.of(OpenSearchFixtures.STOP_WORDS, 4);
    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    private static final LocalDate MAY_9 = LocalDate.of(2024, 5, 9);

    private OpenSearchCluster cluster;
    private SetIndexes indexes;

    @BeforeEach
    void connect() {
        cluster = OpenSearchFixtures.cluster();
        indexes = new SetIndexes(cluster);
    }

    @AfterEach
    void clean() {
        cluster.sendAllowingMissing("DELETE", "/" + cluster.settings().indexPrefix() + "*", null);
        cluster.close();
    }

    private String build(String version, List<PassageDocument> documents) {
        String index = indexes.create("world", version, SCHEMA);
        indexes.write(index, documents);
        indexes.seal(index);
        return index;
    }

    @Test
    void should_serve_the_new_version_after_the_swap_and_delete_the_old_one() {
        String v1 = build("v1", List.of(passage(0, "a", "Floods closed the bridge.", MAY_1, axis(0, 0))));
        indexes.publish("world", v1);
        String v2 = build("v2", List.of(passage(0, "b", "The bridge reopened.", MAY_9, axis(1, 0))));

        assertThat(indexes.served("world")).contains(v1);
        indexes.publish("world", v2);

        assertThat(indexes.served("world")).contains(v2);
        assertThat(indexes.versions("world")).containsExactly(v2);
        PassageSearch search = new PassageSearch(cluster, cluster.settings().alias("world"), 100, 0.5f);
        assertThat(search.keyword(List.of("bridg"), 10, null)).extracting(PassageHit::row).containsExactly(0);
        assertThat(search.keyword(List.of("reopen"), 10, null)).hasSize(1);
        assertThat(search.keyword(List.of("flood"), 10, null)).isEmpty();
    }

    @Test
    void should_keep_the_alias_on_the_old_version_when_a_build_fails() {
        String v1 = build("v1", List.of(passage(0, "a", "Floods closed the bridge.", MAY_1, axis(0, 0))));
        indexes.publish("world", v1);
        String v2 = indexes.create("world", "v2", SCHEMA);

        assertThatThrownBy(() -> indexes.write(v2, List.of(passage(0, "b", "Wrong vector.", MAY_1,
                new float[] {1, 0, 0}))))
                .isInstanceOf(OpenSearchRequestException.class).hasMessageContaining("b#0");

        indexes.delete("world", v2);
        assertThat(indexes.served("world")).contains(v1);
        assertThat(indexes.versions("world")).containsExactly(v1);
        assertThatThrownBy(() -> indexes.delete("world", v1)).hasMessageContaining("served version");
    }

    @Test
    void should_analyse_text_with_the_english_analyzer() {
        indexes.publish("world", build("v1", List.of(
                passage(0, "a", "Rescuers were running towards the flooded villages.", MAY_1, axis(0, 0)),
                passage(1, "b", "The minister resigned on Tuesday.", MAY_1, axis(1, 0)))));
        PassageSearch search = new PassageSearch(cluster, cluster.settings().alias("world"), 100, 0.5f);

        assertThat(search.keyword(List.of("run", "villag"), 10, null)).extracting(PassageHit::row)
                .containsExactly(0);
        assertThat(search.keyword(List.of("the"), 10, null)).as("a stop word is not indexed").isEmpty();
        assertThat(search.keyword(List.of("planet"), 10, null)).as("the outlet is searched too").hasSize(2);
    }

    @Test
    void should_filter_by_date_inside_the_vector_search_and_keep_undated_articles() {
        indexes.publish("world", build("v1", List.of(
                passage(0, "early", "An early report.", MAY_1, axis(0, 0.3f)),
                passage(1, "late", "A later report.", MAY_9, axis(0, 0)),
                passage(2, "undated", "An undated report.", null, axis(0, 0.6f)))));
        PassageSearch search = new PassageSearch(cluster, cluster.settings().alias("world"), 100, 0.5f);

        List<PassageHit> all = search.dense(axis(0, 0), 3, null);
        List<PassageHit> before = search.dense(axis(0, 0), 1, MAY_1);

        assertThat(all).extracting(PassageHit::row).containsExactly(1, 0, 2);
        assertThat(all.get(0).score()).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(before).extracting(PassageHit::row).as("k counts only passages the filter keeps")
                .containsExactly(0);
        assertThat(search.dense(axis(0, 0), 3, MAY_1)).extracting(PassageHit::row).containsExactly(0, 2);
        assertThat(search.keyword(List.of("report"), 10, MAY_1)).extracting(PassageHit::row)
                .containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void should_read_back_the_stored_vectors_of_every_article() {
        List<PassageDocument> documents = new java.util.ArrayList<>();
        for (int row = 0; row < 2500; row++) {
            documents.add(new PassageDocument(row, "article-" + row / 2, row % 2, "T", "T", List.of("s" + row),
                    null, null, MAY_1, "hash-" + row / 2, axis(row % 4, row / 10000f)));
        }
        String index = build("v1", documents);

        Map<String, StoredArticle> stored = indexes.storedVectors(index);

        assertThat(stored).hasSize(1250);
        assertThat(stored.get("article-7").contentHash()).isEqualTo("hash-7");
        assertThat(stored.get("article-7").vectors().get(1)).containsExactly(axis(15 % 4, 15 / 10000f));
        assertThat(stored.get("article-7").sentences().get(1)).containsExactly("s15");
        assertThat(stored.get("article-7").prior("article-7")).hasValueSatisfying(a -> {
            assertThat(a.passages()).extracting(Passage::text).containsExactly("s14", "s15");
            assertThat(a.vectors().get(0)).containsExactly(axis(14 % 4, 14 / 10000f));
        });
    }

    @Test
    void should_record_the_model_and_splitter_settings_an_index_was_made_with() {
        IndexSettings made = new IndexSettings("all-MiniLM-L6-v2-q", 4, "tokens=110");
        String recorded = indexes.create("world", "v1", SCHEMA, made);
        String unrecorded = indexes.create("world", "v2", SCHEMA);

        assertThat(indexes.madeWith(recorded)).contains(made);
        assertThat(indexes.madeWith(unrecorded)).isEmpty();
    }
}
