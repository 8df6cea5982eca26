package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.PriorIndex;
import dev.newsbot.index.SetIndex;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code index} command's refusals, which come before any model is loaded, and when it writes again. */
class IndexCommandTest {

    private static final String ARTICLES = """
            {"id":"a1","title":"Bridge opens","body":"The new bridge opened on Monday."}
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** Issue 13, defect 1: {@code index news.jsonl --out news.jsonl} overwrote the article file with a snapshot. */
    @Test
    void indexOutOverArticleFileIsRefused() throws IOException {
        Path news = Files.writeString(dir.resolve("news.jsonl"), ARTICLES);

        Run run = run("index", news.toString(), "--out", news.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("newsbot: refuse to overwrite " + news
                + ": it is not a newsbot index (it is a file, not an index folder)");
        assertThat(Files.readString(news)).isEqualTo(ARTICLES);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    /** Issue 13, defect 1: {@code --out NOTES.md} replaced the notes with a snapshot. */
    @Test
    void indexOutOverNotesFileIsRefused() throws IOException {
        Path news = Files.writeString(dir.resolve("news.jsonl"), ARTICLES);
        Path notes = Files.writeString(dir.resolve("NOTES.md"), "# Notes\nkeep me\n");

        Run run = run("index", news.toString(), "--out", notes.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("refuse to overwrite " + notes + ": it is not a newsbot index")
                .hasLineCount(1);
        assertThat(Files.readString(notes)).isEqualTo("# Notes\nkeep me\n");
    }

    @Test
    void should_write_an_unchanged_version_again_only_when_it_does_not_record_the_files_fingerprint() {
        SetIndexer indexer = new SetIndexer(new HashingEmbedder(), new PassageSplitter(new TokenCounter(), 110),
                new TextAnalyzer());
        ArticleSet set = ArticleSet.of("news", List.of(new Article("a1", "Bridge opens", null, null, null, null,
                "The new bridge opened on Monday.")));
        IndexDirectory unstamped = IndexDirectory.at(dir.resolve("old.newsbot-index"));
        IndexDirectory stamped = IndexDirectory.at(dir.resolve("new.newsbot-index"));
        indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE, unstamped, null);
        indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE, stamped, "f1");

        try (SetIndex old = unstamped.open(indexer.settings()); SetIndex current = stamped.open(indexer.settings())) {
            assertThat(IndexCommand.holds(old, "news", set, "f1")).isFalse();
            assertThat(IndexCommand.holds(current, "news", set, "f1")).isTrue();
            assertThat(IndexCommand.holds(current, "news", set, "f2")).isFalse();
            assertThat(IndexCommand.holds(current, "sport", set, "f1")).isFalse();
        }
    }
}
