package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.Secrets;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.IndexHeader;
import dev.newsbot.index.IndexSettings;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.SetIndex;
import dev.newsbot.index.embedding.MiniLmEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import dev.newsbot.ops.admin.AdminServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code index} and {@code reload} commands with the real model, over real files and loopback HTTP. */
class OpsCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLES = """
            {"id": "quake", "title": "Earthquake strikes Port Elma", "source": "Reuters", "published": "2022-06-10", "url": null, "author": null, "body": "A magnitude 6.1 earthquake struck the coastal city of Port Elma on Friday. Officials said 12 people were killed."}
            {"id": "budget", "title": "Council passes budget", "source": "BBC", "published": "2022-06-12", "url": null, "author": null, "body": "The city council passed a budget of 3 billion dollars on Sunday."}
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void should_build_an_index_ahead_of_time_and_reuse_it_the_next_time() throws Exception {
        Path file = Files.writeString(dir.resolve("news.jsonl"), ARTICLES);

        Run first = run(Main.commandLine(), "index", file.toString());
        Path snapshot = dir.resolve("news.jsonl.newsbot-index");
        Instant built = header(snapshot).createdAt();
        Run second = run(Main.commandLine(), "index", file.toString());

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("embedded 2/2 passages (100%)").contains("Indexed set \"default\"")
                .contains("2 articles, 2 passages (2 embedded, 0 reused)").contains(snapshot.toString());
        assertThat(first.out()).contains("read 2 articles").contains("split 2/2 articles into 2 passages");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("Reused the index at " + snapshot + ": it already holds set \"default\"")
                .contains("(2 passages); nothing rebuilt")
                .doesNotContain("split ").doesNotContain("embedded").doesNotContain("Indexed set");
        assertThat(header(snapshot).createdAt()).as("the second run wrote no new version").isEqualTo(built);
    }

    @Test
    void should_embed_only_the_changed_article_when_a_set_changes() throws Exception {
        Path file = Files.writeString(dir.resolve("news.jsonl"), ARTICLES);
        run(Main.commandLine(), "index", file.toString());
        Files.writeString(file, ARTICLES.replace("3 billion dollars", "4 billion dollars"));

        Run changed = run(Main.commandLine(), "index", file.toString());

        Path snapshot = dir.resolve("news.jsonl.newsbot-index");
        assertThat(changed.exit()).isZero();
        assertThat(changed.out()).contains("Reused 1 of 2 articles from the index at " + snapshot)
                .contains("(1 embedded, 1 reused)");
        try (SetIndex index = IndexDirectory.at(snapshot).open(settings())) {
            assertThat(index.size()).isEqualTo(2);
        }
    }

    private static IndexSettings settings() {
        return new IndexSettings(MiniLmEmbedder.MODEL_NAME, 384, new PassageSplitter(new TokenCounter(), 110).settings());
    }

    private static IndexHeader header(Path snapshot) {
        try (SetIndex index = IndexDirectory.at(snapshot).open(settings())) {
            return index.header();
        }
    }

    @Test
    void should_report_every_problem_and_write_nothing_for_bad_articles() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), "{\"title\": \"t\"}\n{\"body\": \"b\"}\n");
        Path out = dir.resolve("out.newsbot-index");

        Run run = run(Main.commandLine(), "index", file.toString(), "--out", out.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":1: body:").contains(file + ":2: title:");
        assertThat(out).doesNotExist();
    }

    @Test
    void should_reload_a_running_bot_through_its_admin_endpoint() throws Exception {
        Path file = Files.writeString(dir.resolve("news.jsonl"), ARTICLES);
        NewsbotConfig config = new dev.newsbot.config.ConfigLoader(Map.of("NEWSBOT_ADMIN_ADDR", "127.0.0.1:0"))
                .load(null).withDefaultSetPaths(List.of(file));
        try (Newsbot bot = new Newsbot(config, Clock.systemUTC(), dir.resolve("home"))) {
            AdminServer server = bot.startOps(Secrets.from(Map.of("NEWSBOT_ADMIN_TOKEN", "t0ken"))).orElseThrow();
            bot.loadSets();
            String addr = "127.0.0.1:" + server.address().getPort();
            Files.writeString(file, ARTICLES.replace("12 people", "14 people"));

            Run ok = reload(Map.of("NEWSBOT_ADMIN_TOKEN", "t0ken"), "--addr", addr, "--set", "default");
            Run refused = reload(Map.of("NEWSBOT_ADMIN_TOKEN", "wrong"), "--addr", addr);
            Run unknown = reload(Map.of("NEWSBOT_ADMIN_TOKEN", "t0ken"), "--addr", addr, "--set", "sport");

            JsonNode report = JSON.readTree(ok.out());
            assertThat(ok.exit()).isZero();
            assertThat(report.get("ok").asBoolean()).isTrue();
            assertThat(report.get("changed").asInt()).isEqualTo(1);
            assertThat(report.get("embedded").asInt()).isEqualTo(1);
            assertThat(bot.answering().sets().get("default").articleSet().version()).isEqualTo(report.get("version").asText());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("refused the token");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.out()).contains("no article set named \\\"sport\\\"");
        }
    }

    @Test
    void should_say_when_no_bot_listens() {
        Run run = reload(Map.of("NEWSBOT_ADMIN_TOKEN", "t0ken"), "--addr", "127.0.0.1:9");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no bot answers at http://127.0.0.1:9");
    }

    private static Run reload(Map<String, String> env, String... args) {
        ReloadCommand command = new ReloadCommand();
        command.secrets = Secrets.from(env);
        CommandLine cli = Main.commandLine();
        CommandLine sub = cli.getSubcommands().get("reload");
        CommandLine own = new CommandLine(command);
        own.setExecutionExceptionHandler(sub.getExecutionExceptionHandler() != null
                ? sub.getExecutionExceptionHandler() : cli.getExecutionExceptionHandler());
        return run(own, args);
    }
}
