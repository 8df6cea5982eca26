package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code index} command's refusals, which come before any model is loaded. */
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
}
