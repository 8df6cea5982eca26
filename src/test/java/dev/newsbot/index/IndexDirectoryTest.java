package dev.newsbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index folder on disk: what it opens, what it refuses, and what it leaves behind. */
class IndexDirectoryTest {

    @TempDir
    Path dir;

    private final HashingEmbedder embedder = new HashingEmbedder();
    private final SetIndexer indexer = new SetIndexer(embedder, new PassageSplitter(new TokenCounter(), 110),
            new TextAnalyzer());
    private final ArticleSet set = ArticleSet.of("news", TestSets.news());

    private IndexDirectory written() {
        IndexDirectory target = IndexDirectory.at(dir.resolve("news.newsbot-index"));
        indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE, target);
        return target;
    }

    @Test
    void should_open_what_it_wrote_without_embedding_and_serve_the_same_passages() {
        IndexDirectory target = written();
        int calls = embedder.calls();

        try (SetIndex index = target.open(indexer.settings())) {
            IndexedSet store = indexer.serve(set, index);

            assertThat(embedder.calls()).isEqualTo(calls);
            assertThat(index.header().setName()).isEqualTo("news");
            assertThat(index.header().setVersion()).isEqualTo(set.version());
            assertThat(store.size()).isEqualTo(indexer.index(set, SetIndexer.Progress.NONE).size());
            assertThat(store.keyword("earthquake killed", 5, null)).isNotEmpty();
            assertThat(store.article(store.keyword("earthquake killed", 5, null).get(0).row()).id())
                    .isEqualTo("quake");
        }
    }

    @Test
    void should_refuse_an_index_with_a_flipped_bit() {
        IndexDirectory target = written();
        IndexFiles.flipBit(IndexFiles.largestFile(target.path()));

        assertThatThrownBy(() -> target.open(indexer.settings())).isInstanceOf(IndexException.class)
                .extracting(e -> ((IndexException) e).reason()).isEqualTo(IndexException.Reason.CORRUPT);
    }

    @Test
    void should_refuse_a_truncated_index() {
        IndexDirectory target = written();
        IndexFiles.truncate(IndexFiles.largestFile(target.path()), 100);

        assertThatThrownBy(() -> target.open(indexer.settings())).isInstanceOf(IndexException.class)
                .extracting(e -> ((IndexException) e).reason()).isEqualTo(IndexException.Reason.CORRUPT);
    }

    @Test
    void should_refuse_an_index_made_with_another_model() {
        IndexDirectory target = written();
        IndexSettings other = new IndexSettings("another-model", indexer.settings().dimension(),
                indexer.settings().splitterSettings());

        assertThatThrownBy(() -> target.open(other)).isInstanceOf(IndexException.class)
                .hasMessageContaining("another-model")
                .extracting(e -> ((IndexException) e).reason()).isEqualTo(IndexException.Reason.SETTINGS_MISMATCH);
    }

    @Test
    void should_say_missing_when_nothing_was_written() {
        assertThatThrownBy(() -> IndexDirectory.at(dir.resolve("none")).open(indexer.settings()))
                .extracting(e -> ((IndexException) e).reason()).isEqualTo(IndexException.Reason.MISSING);
    }

    @Test
    void should_refuse_and_leave_untouched_a_file_or_folder_that_is_not_ours() throws Exception {
        Path notes = Files.writeString(dir.resolve("NOTES.md"), "my notes");
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(folder.resolve("cat.jpg"), "meow");

        for (Path path : List.of(notes, folder)) {
            assertThatThrownBy(() -> indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE,
                    IndexDirectory.at(path))).isInstanceOf(IndexException.class)
                    .hasMessageContaining("refuse to overwrite " + path + ": it is not a newsbot index")
                    .extracting(e -> ((IndexException) e).reason()).isEqualTo(IndexException.Reason.NOT_OURS);
        }
        assertThat(Files.readString(notes)).isEqualTo("my notes");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.toList()).containsExactly(folder.resolve("cat.jpg"));
        }
    }

    @Test
    void should_replace_a_snapshot_file_of_an_earlier_release() throws Exception {
        Path path = dir.resolve("news.newsbot-index");
        Files.write(path, new byte[] {(byte) 0x89, 'N', 'B', 'I', 'D', 'X', '\r', '\n', 0, 0, 0, 1});
        assertThatThrownBy(() -> IndexDirectory.at(path).open(indexer.settings()))
                .extracting(e -> ((IndexException) e).reason()).isEqualTo(IndexException.Reason.SETTINGS_MISMATCH);

        indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE, IndexDirectory.at(path));

        try (SetIndex index = IndexDirectory.at(path).open(indexer.settings())) {
            assertThat(index.header().setVersion()).isEqualTo(set.version());
        }
    }

    @Test
    void should_keep_only_the_served_version_after_a_new_one_is_written() throws Exception {
        IndexDirectory target = written();
        Path firstVersion = IndexFiles.servedVersion(target.path());
        ArticleSet smaller = ArticleSet.of("news", TestSets.news().subList(0, 2));

        indexer.index(smaller, PriorIndex.none(), SetIndexer.Progress.NONE, target);

        assertThat(firstVersion).doesNotExist();
        try (Stream<Path> entries = Files.list(target.path())) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("current",
                    "newsbot-index", IndexFiles.servedVersion(target.path()).getFileName().toString());
        }
    }
}
