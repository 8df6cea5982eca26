package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13, defect 6: {@code --articles} takes one path and is repeated for several; README, {@code --help} and the
 * parser agree, and a second path after one {@code --articles} is refused in one line showing the repeated form.
 * These run the real command line but stop before the model is loaded.
 */
class ArticlesOptionTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static <T> T parsed(Class<T> command, String... args) {
        CommandLine.ParseResult result = Main.commandLine().parseArgs(args);
        return command.cast(result.subcommand().commandSpec().userObject());
    }

    private Path article(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "{\"id\":\"" + name + "\",\"title\":\"T\",\"body\":\"Body.\"}\n");
    }

    @Test
    void askWithTwoArticlePathsIsRefusedWithTheRepeatedForm() throws IOException {
        Path a = article("a.jsonl");
        Path b = article("b.jsonl");

        int exit = execute("ask", "--articles", a.toString(), b.toString(), "What happened?");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n")
                .isEqualTo("newsbot ask: \"" + b + "\" is an article path, not a question: --articles takes one "
                        + "path; repeat it for several: --articles " + a + " --articles " + b);

        AskCommand ask = parsed(AskCommand.class, "ask", "--articles", a.toString(), "--articles", b.toString(),
                "What happened?");
        assertThat(ask.common.articles).containsExactly(a, b);
        assertThat(ask.questions).containsExactly("What happened?");
    }

    @Test
    void readmeRunCommandParses() {
        RunCommand run = parsed(RunCommand.class, "run", "--articles", "news/", "--articles", "extra.jsonl");
        assertThat(run.common.articles).containsExactly(Path.of("news/"), Path.of("extra.jsonl"));

        int exit = execute("run", "--articles", "news/", "extra.jsonl");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .isEqualTo("newsbot run: \"extra.jsonl\" follows --articles news/: --articles takes one path; "
                        + "repeat it for several: --articles news/ --articles extra.jsonl");
    }

    @Test
    void helpOfEveryArticlesOptionStatesTheRepeatRule() {
        for (String command : List.of("run", "ask", "chat", "eval", "bench")) {
            StringWriter help = new StringWriter();
            CommandLine sub = Main.commandLine().getSubcommands().get(command);
            sub.usage(new PrintWriter(help, true), CommandLine.Help.Ansi.OFF);

            assertThat(help.toString().replaceAll("\\s+", " ")).as(command)
                    .contains("repeat it for several: --articles news/ --articles extra.jsonl");
        }
    }

    @Test
    void aQuestionThatIsNotAnArticlePathIsAsked() throws IOException {
        Files.createDirectory(dir.resolve("news"));

        assertThat(ArticlePaths.isArticlePath("What happened in news?")).isFalse();
        assertThat(ArticlePaths.isArticlePath(dir.resolve("absent.jsonl").toString())).isFalse();
        assertThat(ArticlePaths.isArticlePath(dir.resolve("news") + "/")).isTrue();
        assertThat(ArticlePaths.isArticlePath(article("c.md").toString())).isTrue();
        assertThat(ArticlePaths.isArticlePath(Files.writeString(dir.resolve("notes"), "x").toString())).isFalse();
    }
}
