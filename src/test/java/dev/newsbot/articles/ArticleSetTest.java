package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleSetTest {

    private static final Article FULL = new Article("a", "Title", "Outlet", "https://example.org/a",
            Published.ofDateTime(OffsetDateTime.parse("2023-09-26T17:01:22+02:00")), "Author", "Body.\n\nMore.");
    private static final Article BARE = new Article("b", "Other", null, null,
            Published.ofDate(LocalDate.of(2022, 6, 12)), null, "Text.");
    private static final Article UNDATED = new Article("c", "Undated", null, null, null, null, "Text.");

    @Test
    void should_give_the_same_version_for_the_same_content_in_any_order() {
        ArticleSet one = ArticleSet.of("x", List.of(FULL, BARE, UNDATED));
        ArticleSet two = ArticleSet.of("y", List.of(UNDATED, FULL, BARE));

        assertThat(one.version()).hasSize(12).matches("[0-9a-f]{12}").isEqualTo(two.version());
    }

    @Test
    void should_keep_the_version_stable_across_runs() {
        assertThat(ArticleSet.of("x", List.of(FULL, BARE)).version()).isEqualTo("d2d90efa058b");
        assertThat(ArticleSet.contentHash(BARE))
                .isEqualTo("f7ee8642d32d4354a70250760475dfba67081d0a31a6e8ea41ef3a6df134ce21");
    }

    @Test
    void should_change_the_content_hash_when_any_field_changes() {
        List<Article> variants = List.of(FULL,
                new Article("a2", "Title", "Outlet", "https://example.org/a", FULL.published(), "Author", FULL.body()),
                new Article("a", "Title2", "Outlet", "https://example.org/a", FULL.published(), "Author", FULL.body()),
                new Article("a", "Title", null, "https://example.org/a", FULL.published(), "Author", FULL.body()),
                new Article("a", "Title", "Outlet", null, FULL.published(), "Author", FULL.body()),
                new Article("a", "Title", "Outlet", "https://example.org/a",
                        Published.ofDate(LocalDate.of(2023, 9, 26)), "Author", FULL.body()),
                new Article("a", "Title", "Outlet", "https://example.org/a", FULL.published(), null, FULL.body()),
                new Article("a", "Title", "Outlet", "https://example.org/a", FULL.published(), "Author", "Body."));

        Set<String> hashes = new HashSet<>();
        variants.forEach(v -> hashes.add(ArticleSet.contentHash(v)));

        assertThat(hashes).hasSize(variants.size()).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void should_not_confuse_text_moved_between_fields() {
        Article one = new Article("a", "Title x", "y", null, null, null, "Body");
        Article two = new Article("a", "Title", "x y", null, null, null, "Body");

        assertThat(ArticleSet.contentHash(one)).isNotEqualTo(ArticleSet.contentHash(two));
    }

    @Test
    void should_change_the_version_when_an_article_changes_or_is_added() {
        String version = ArticleSet.of("x", List.of(FULL, BARE)).version();
        Article edited = new Article("b", "Other", null, null, BARE.published(), null, "Text, edited.");

        assertThat(ArticleSet.of("x", List.of(FULL, edited)).version()).isNotEqualTo(version);
        assertThat(ArticleSet.of("x", List.of(FULL, BARE, UNDATED)).version()).isNotEqualTo(version);
    }

    @Test
    void should_give_the_same_version_when_loading_the_same_files_twice() {
        ArticleLoader loader = new ArticleLoader();
        List<java.nio.file.Path> paths = List.of(Fixtures.fixture("mixed"));

        assertThat(loader.load("a", paths).set().version()).isEqualTo(loader.load("b", paths).set().version());
    }

    @Test
    void should_find_the_newest_publication_day() {
        assertThat(ArticleSet.of("x", List.of(BARE, FULL, UNDATED)).newest()).contains(LocalDate.of(2023, 9, 26));
        assertThat(ArticleSet.of("x", List.of(UNDATED)).newest()).isEmpty();
    }

    @Test
    void should_reject_duplicate_ids_and_a_blank_name() {
        assertThatThrownBy(() -> ArticleSet.of("x", List.of(BARE, BARE)))
                .hasMessage("ArticleSet.articles has duplicate id b");
        assertThatThrownBy(() -> ArticleSet.of(" ", List.of())).hasMessage("ArticleSet.name must not be blank");
    }

    @Test
    void should_keep_articles_immutable() {
        List<Article> articles = new ArrayList<>(List.of(FULL));
        ArticleSet set = ArticleSet.of("x", articles);
        articles.add(BARE);

        assertThat(set.articles()).containsExactly(FULL);
        assertThatThrownBy(() -> set.articles().add(BARE)).isInstanceOf(UnsupportedOperationException.class);
    }
}
