package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.telegram.TelegramBot;
import dev.newsbot.telegram.TelegramSettings;
import dev.newsbot.telegram.TelegramTestSettings;
import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands in Telegram, wired as {@code run} wires them, with the real model, real article files and
 * the Bot API fake: {@code /use}, {@code /reload}, {@code /status} and {@code /why}, and who may run them.
 */
@Timeout(180)
class TelegramOperatorsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private FakeBotApi fake;
    private FakeUser admin;
    private FakeUser member;
    private Path local;
    private Newsbot newsbot;
    private TelegramBot bot;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBotApi();
        admin = fake.user("Ada");
        member = fake.user("Mo");
        local = Files.createDirectories(dir.resolve("local"));
        Files.writeString(local.resolve("port.jsonl"), "{\"id\":\"port\",\"title\":\"Harbour reopens\",\"source\":"
                + "\"Coast News\",\"published\":\"2022-05-01\",\"body\":\"The harbour of Port Elma reopened on Monday "
                + "after 40 days of repairs. Ferries resumed their routes.\"}\n");
        Path config = Files.writeString(dir.resolve("newsbot.yaml"), "articles:\n  sets:\n    local: ['" + local
                + "']\nadmin:\n  userIds: [" + admin.id() + "]\nstate:\n  file: '" + dir.resolve("state.json")
                + "'\n");
        newsbot = new Newsbot(new ConfigLoader().read(config), java.time.Clock.systemUTC(), dir.resolve("home"));
        newsbot.loadSets();
        TelegramSettings settings = TelegramTestSettings.read(TelegramTestSettings.against(fake.baseUrl()),
                new TelegramTestSettings.Timings(Duration.ofSeconds(5), Duration.ofSeconds(1),
                        TelegramSettings.Retry.DEFAULT, Duration.ofSeconds(2)));
        bot = newsbot.telegram(settings);
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.close();
        fake.close();
        newsbot.close();
    }

    private String ask(FakeChat chat, FakeUser user, String text) {
        Incoming in = fake.say(chat, user, text);
        return fake.awaitReplyTo(in, WAIT).visibleText();
    }

    /** A reload answers twice: "Reloading …" at once, then the report. */
    private String reload(FakeChat chat, FakeUser user, String text) {
        Incoming in = fake.say(chat, user, text);
        return fake.awaitRepliesTo(in, 2, WAIT).get(1).visibleText();
    }

    @Test
    void should_switch_a_private_chat_to_another_set_and_keep_the_choice() {
        FakeChat dm = fake.privateChat(member);

        assertThat(ask(dm, member, "/use local")).contains("now uses the article set local");
        assertThat(ask(dm, member, "How many days of repairs did the harbour need?")).contains("40").contains("[1]");
        assertThat(newsbot.operations().chatSets().setOf(String.valueOf(dm.id()))).isEqualTo("local");
        assertThat(Files.exists(dir.resolve("state.json"))).isTrue();
        assertThat(ask(dm, member, "/use nowhere")).contains("nowhere");
    }

    @Test
    void should_let_only_group_admins_choose_a_group_set() {
        FakeChat group = fake.group("Harbour watchers");
        fake.makeAdmin(group, admin);
        FakeUser groupAdmin = admin;

        assertThat(ask(group, member, "/use local")).contains("only group admins");
        assertThat(ask(group, groupAdmin, "/use@" + FakeBotApi.BOT_USERNAME + " local")).contains("now uses");
        assertThat(newsbot.operations().chatSets().setOf(String.valueOf(group.id()))).isEqualTo("local");
    }

    @Test
    void should_refuse_admin_commands_to_others() {
        FakeChat dm = fake.privateChat(member);

        assertThat(ask(dm, member, "/reload")).contains("not allowed");
        assertThat(ask(dm, member, "/status")).contains("not allowed");
        assertThat(ask(dm, member, "/why")).contains("not allowed");
    }

    @Test
    void should_reload_for_an_admin_and_report_a_broken_file_while_the_old_set_keeps_serving() throws Exception {
        FakeChat dm = fake.privateChat(admin);
        String before = newsbot.answering().sets().get("local").articleSet().version();

        Files.writeString(local.resolve("bad.jsonl"), "{\"id\":\"x\",\"title\":\"\",\"body\":\"b\"}\n");
        String failed = reload(dm, admin, "/reload local");
        Files.delete(local.resolve("bad.jsonl"));
        Files.writeString(local.resolve("more.md"), "---\ntitle: Ferries add a route\n---\nA new ferry route opens.\n");
        String reloaded = reload(dm, admin, "/reload local");

        assertThat(failed).contains("bad.jsonl:1").contains("title");
        assertThat(reloaded).contains("local");
        assertThat(newsbot.answering().sets().get("local").articleSet().articles()).hasSize(2);
        assertThat(newsbot.answering().sets().get("local").articleSet().version()).isNotEqualTo(before);
    }

    @Test
    void should_show_status_and_why_to_an_admin() {
        FakeChat dm = fake.privateChat(admin);
        ask(dm, admin, "How many people were killed in the Westgate mall attack?");

        assertThat(ask(dm, admin, "/status")).contains("default").contains("local");
        assertThat(ask(dm, admin, "/why")).contains("Westgate");
    }
}
