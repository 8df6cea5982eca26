package dev.newsbot.telegram;

import static dev.newsbot.telegram.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.cache.CacheCounts;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import dev.newsbot.ops.admin.AdminChecks;
import dev.newsbot.ops.admin.CachedGroupAdmins;
import dev.newsbot.ops.chats.ChatSets;
import dev.newsbot.ops.metrics.Status;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.sets.SetSource;
import dev.newsbot.ops.why.LastAnswers;
import dev.newsbot.ops.why.Why;
import dev.newsbot.telegram.fake.ApiCall;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands end to end: the real client against the Bot API fake, over the real ops parts (a
 * {@link SetManager} over article files in a temp folder, indexed with the hashing embedder).
 */
@Timeout(60)
class TelegramOperatorsIT {

    @TempDir
    Path dir;

    private BotHarness h;
    private SetRegistry registry;
    private SetManager manager;
    private ChatSets chatSets;
    private Path newsFile;
    private FakeUser admin;
    private FakeUser bob;

    @BeforeEach
    void start() throws IOException {
        registry = new SetRegistry("news");
        SetIndexer indexer = new SetIndexer(new HashingEmbedder(), new PassageSplitter(new TokenCounter(), 110),
                new TextAnalyzer());
        newsFile = Files.writeString(dir.resolve("news.jsonl"), article("n1", "Mayor opens schools")
                + article("n2", "Council approves the budget"));
        Path sportFile = Files.writeString(dir.resolve("sport.jsonl"), article("s1", "Town team wins the cup"));
        manager = new SetManager(registry, indexer, new ArticleLoader(), List.of(
                new SetSource("news", List.of(newsFile), null), new SetSource("sport", List.of(sportFile), null)),
                Clock.systemUTC());
        manager.loadAll();
        chatSets = new ChatSets(dir.resolve("state.json"), "news", manager::has,
                () -> manager.sources().stream().map(SetSource::name).toList());
        h = new BotHarness();
        admin = h.user("Admin");
        bob = h.user("Bob");
        h.operators = TelegramOperators.of(lookup -> new AdminChecks(List.of(admin.id()),
                        new CachedGroupAdmins(lookup, Duration.ofMinutes(1), h.clock, 100)), chatSets, manager,
                new Status(manager, registry, () -> new CacheCounts(3, 1), Clock.systemUTC()),
                new Why(new LastAnswers(10)));
        h.start();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static String article(String id, String title) {
        return "{\"id\": \"" + id + "\", \"url\": \"https://example.com/" + id + "\", \"title\": \"" + title
                + "\", \"source\": \"Daily\", \"published\": \"2022-06-01\", \"body\": \"" + title
                + " on Monday. Residents welcomed the news. The plan starts next year.\"}\n";
    }

    private String say(FakeChat chat, FakeUser from, String text) {
        return h.fake.awaitReplyTo(h.fake.say(chat, from, text), WAIT).visibleText();
    }

    @Test
    void should_switch_the_set_of_a_private_chat_with_use() {
        FakeChat dm = h.dm(bob);

        String done = say(dm, bob, "/use sport");
        String bare = say(dm, bob, "/use");
        String unknown = say(dm, bob, "/use <b>weather</b>");

        assertThat(done).isEqualTo("This chat now uses the article set sport.");
        assertThat(chatSets.setOf(String.valueOf(dm.id()))).isEqualTo("sport");
        assertThat(bare).startsWith("This chat uses sport.");
        assertThat(unknown).isEqualTo("There is no article set named <b>weather</b>. The sets are: news, sport.");
        assertThat(h.fake.calls("getChatMember")).isEmpty();
    }

    @Test
    void should_let_only_group_admins_choose_the_set_and_ask_telegram_once_within_the_ttl() {
        FakeChat group = h.fake.supergroup("Newsroom");
        FakeUser carol = h.user("Carol");
        h.fake.makeAdmin(group, carol);
        String chat = String.valueOf(group.id());

        String refused = say(group, bob, "/use sport");
        String stillNews = chatSets.setOf(chat);
        String first = say(group, carol, "/use sport");
        String afterFirst = chatSets.setOf(chat);
        String second = say(group, carol, "/use@" + dev.newsbot.telegram.fake.FakeBotApi.BOT_USERNAME + " news");

        assertThat(refused).isEqualTo("Sorry, only group admins can change the article set.");
        assertThat(stillNews).isEqualTo("news");
        assertThat(first).isEqualTo("This chat now uses the article set sport.");
        assertThat(afterFirst).isEqualTo("sport");
        assertThat(second).isEqualTo("This chat now uses the article set news.");
        assertThat(chatSets.setOf(chat)).isEqualTo("news");
        List<ApiCall> lookups = h.fake.calls("getChatMember");
        assertThat(lookups).extracting(c -> c.params().path("user_id").asLong())
                .containsExactly(bob.id(), carol.id());
        assertThat(lookups).allSatisfy(c -> assertThat(c.params().path("chat_id").asLong()).isEqualTo(group.id()));
    }

    @Test
    void should_refuse_reload_to_others_and_report_success_to_an_admin() {
        String refused = say(h.dm(bob), bob, "/reload");
        FakeChat dm = h.dm(admin);
        Incoming reload = h.fake.say(dm, admin, "/reload news");
        List<SentMessage> replies = h.fake.awaitRepliesTo(reload, 2, WAIT);

        assertThat(refused).isEqualTo("Sorry, you are not allowed to use this command.");
        assertThat(replies.get(0).visibleText()).isEqualTo("Reloading news…");
        assertThat(replies.get(1).visibleText()).startsWith("Reloaded \"news\": unchanged at version "
                + registry.get("news").articleSet().version());
        assertThat(replies.get(1).entityTypes()).containsExactly("pre");
    }

    @Test
    void should_report_every_error_of_a_broken_file_while_the_old_set_keeps_serving() throws IOException {
        String served = registry.get("news").articleSet().version();
        Files.writeString(newsFile, "{\"title\": \"No body\"}\n", StandardOpenOption.APPEND);
        Incoming reload = h.fake.say(h.dm(admin), admin, "/reload");
        List<SentMessage> replies = h.fake.awaitRepliesTo(reload, 2, WAIT);

        assertThat(replies.get(0).visibleText()).isEqualTo("Reloading every set…");
        assertThat(replies.get(1).visibleText())
                .contains("Reload of \"news\" failed; still serving version " + served + ". 1 error:")
                .contains(newsFile + ":3: body:")
                .contains("Reloaded \"sport\": unchanged");
        assertThat(registry.get("news").articleSet().version()).isEqualTo(served);
        assertThat(manager.lastReload("news")).hasValueSatisfying(r -> assertThat(r.ok()).isFalse());
    }

    @Test
    void should_show_status_and_why_to_admins_only() {
        FakeChat dm = h.dm(admin);
        FakeChat bobs = h.dm(bob);

        String status = say(dm, admin, "/status");
        String why = say(dm, admin, "/why");
        String bobStatus = say(bobs, bob, "/status");
        String bobWhy = say(bobs, bob, "/why");

        assertThat(status).startsWith("Up ").contains("Sets:")
                .contains("  news (default): 2 articles, " + registry.get("news").size() + " passages")
                .contains("  sport: 1 article").contains("Answer cache: 75% hits (3 of 4 lookups)");
        assertThat(why).isEqualTo("No answer in this chat yet: ask a question first.");
        assertThat(bobStatus).isEqualTo("Sorry, you are not allowed to use this command.");
        assertThat(bobWhy).isEqualTo("Sorry, you are not allowed to use this command.");
        assertThat(h.chat.requests).isEmpty();
    }

    @Test
    void should_pick_the_set_of_a_deep_link_with_the_rules_of_use() {
        FakeChat dm = h.dm(bob);
        FakeChat group = h.fake.supergroup("Newsroom");
        Incoming link = h.fake.say(dm, bob, "/start set-sport");
        List<SentMessage> replies = h.fake.awaitRepliesTo(link, 2, WAIT);
        String groupLink = h.fake.awaitRepliesTo(h.fake.say(group, bob, "/start@"
                + dev.newsbot.telegram.fake.FakeBotApi.BOT_USERNAME + " set-sport"), 2, WAIT).get(1).visibleText();
        String other = say(h.dm(admin), admin, "/start ref-campaign42");

        assertThat(replies.get(0).visibleText()).startsWith("Hello!");
        assertThat(replies.get(1).visibleText()).isEqualTo("This chat now uses the article set sport.");
        assertThat(chatSets.setOf(String.valueOf(dm.id()))).isEqualTo("sport");
        assertThat(groupLink).isEqualTo("Sorry, only group admins can change the article set.");
        assertThat(chatSets.setOf(String.valueOf(group.id()))).isEqualTo("news");
        assertThat(other).startsWith("Hello!");
        assertThat(h.fake.sentTo(h.dm(admin))).hasSize(1);
    }

    @Test
    void should_forget_a_groups_set_when_removed_from_it() {
        FakeChat group = h.fake.supergroup("Newsroom");
        h.fake.makeAdmin(group, bob);
        say(group, bob, "/use sport");
        assertThat(chatSets.setOf(String.valueOf(group.id()))).isEqualTo("sport");

        h.fake.removeBot(group, bob);

        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> chatSets.setOf(String.valueOf(group.id())).equals("news"));
        assertThat(chatSets.setOf(String.valueOf(group.id()))).isEqualTo("news");
    }

    @Test
    void should_show_reload_status_and_why_only_in_the_admins_menu() {
        JsonNode adminMenu = h.fake.commands("chat:" + admin.id(), null);
        JsonNode everyone = h.fake.commands("default", null);
        JsonNode groups = h.fake.commands("all_group_chats", null);

        assertThat(TelegramNativeIT.names(adminMenu)).contains("reload", "status", "why", "ask", "use");
        for (JsonNode menu : List.of(everyone, groups)) {
            assertThat(TelegramNativeIT.names(menu)).doesNotContain("reload", "status", "why");
        }
        assertThat(h.fake.menus()).filteredOn(m -> m.startsWith("chat:")).containsExactly("chat:" + admin.id() + "|");
    }

    @Test
    void should_answer_operator_commands_as_not_available_without_operators() throws IOException {
        try (BotHarness plain = new BotHarness().start()) {
            FakeUser ann = plain.user("Ann");
            FakeChat dm = plain.dm(ann);

            for (String command : List.of("/use sport", "/reload", "/status", "/why")) {
                assertThat(plain.fake.awaitReplyTo(plain.fake.say(dm, ann, command), WAIT).visibleText())
                        .isEqualTo("Sorry, this command is not available on this bot.");
            }
        }
    }
}
