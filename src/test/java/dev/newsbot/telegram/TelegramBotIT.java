package dev.newsbot.telegram;

import static dev.newsbot.telegram.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.Reply;
import dev.newsbot.chat.ReplySource;
import dev.newsbot.telegram.fake.ApiCall;
import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bot's behaviour, end to end: the real TelegramBots client and poller against the Bot API fake. */
@Timeout(60)
class TelegramBotIT {

    private static final String BOT = "@" + FakeBotApi.BOT_USERNAME;

    private BotHarness h;

    private BotHarness started() throws IOException {
        h = new BotHarness().start();
        return h;
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void should_answer_a_private_question_as_an_html_reply_with_a_linked_source() throws IOException {
        started();
        FakeUser alice = h.user("Alice");
        FakeChat dm = h.dm(alice);

        Incoming q = h.fake.say(dm, alice, "How many people died?");
        SentMessage answer = h.fake.awaitReplyTo(q, WAIT);

        assertThat(answer.isHtml()).isTrue();
        assertThat(answer.visibleText()).isEqualTo(ScriptedChatService.ANSWER + "\n\nSources\n"
                + "[1] Kenya mall attack: death toll rises to 59 — BBC News, 2013-09-22\n"
                + "[2] Westgate siege: what we know — The Guardian, 2013-09-24");
        assertThat(answer.links()).containsExactly(ScriptedChatService.URL_1);
        assertThat(answer.entityTypes()).contains("bold", "text_link", "expandable_blockquote");
        assertThat(h.chat.requests).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("How many people died?");
            assertThat(r.chatId()).isEqualTo(String.valueOf(dm.id()));
            assertThat(r.userId()).isEqualTo(String.valueOf(alice.id()));
            assertThat(r.followUpOf()).isNull();
        });
        assertThat(h.fake.awaitCalls("sendChatAction", 1, WAIT))
                .allSatisfy(c -> assertThat(c.params().path("action").asText()).isEqualTo("typing"));
    }

    @Test
    void should_learn_its_name_register_commands_and_delete_the_webhook_at_start() throws IOException {
        started();

        assertThat(h.bot.username()).contains(FakeBotApi.BOT_USERNAME);
        assertThat(h.fake.calls("getMe")).isNotEmpty();
        assertThat(h.fake.calls("deleteWebhook")).isNotEmpty();
        JsonNode commands = h.fake.commands();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("command").asText()));
        assertThat(names).containsExactly("start", "help", "ask", "sources", "about", "use");
        assertThat(h.fake.calls("getUpdates")).allSatisfy(c ->
                assertThat(c.params().path("timeout").asInt()).isEqualTo(1));
    }

    @Test
    void should_answer_a_group_mention_with_the_mention_removed() throws IOException {
        started();
        FakeUser bob = h.user("Bob");
        FakeChat group = h.fake.supergroup("Newsroom");

        Incoming q = h.fake.say(group, bob, BOT + " how many people died?");
        SentMessage answer = h.fake.awaitReplyTo(q, WAIT);

        assertThat(answer.visibleText()).startsWith(ScriptedChatService.ANSWER);
        assertThat(h.chat.requests).extracting(ChatRequest::text).containsExactly("how many people died?");
    }

    @Test
    void should_ignore_group_chatter_other_bots_and_commands_for_other_bots() throws IOException {
        started();
        FakeUser bob = h.user("Bob");
        FakeUser otherBot = h.fake.otherBot("weather_bot");
        FakeChat group = h.fake.group("Friends");

        Incoming chatter = h.fake.say(group, bob, "did anyone read the news today?");
        Incoming fromBot = h.fake.say(group, otherBot, BOT + " what is the weather?");
        Incoming otherHelp = h.fake.say(group, bob, "/help@otherbot");
        Incoming otherAsk = h.fake.say(group, bob, "/ask@otherbot who won?");
        Incoming sentinel = h.fake.say(group, bob, "/ask@" + FakeBotApi.BOT_USERNAME + " who was arrested?");
        h.fake.awaitReplyTo(sentinel, WAIT);

        assertThat(h.fake.sentTo(group)).hasSize(1);
        for (Incoming ignored : List.of(chatter, fromBot, otherHelp, otherAsk)) {
            assertThat(h.fake.repliesTo(ignored)).isEmpty();
        }
        assertThat(h.chat.requests).extracting(ChatRequest::text).containsExactly("who was arrested?");
    }

    @Test
    void should_answer_ask_bare_and_addressed_and_explain_ask_without_a_question() throws IOException {
        started();
        FakeUser bob = h.user("Bob");
        FakeChat group = h.fake.group("Friends");

        Incoming bare = h.fake.say(group, bob, "/ask when did it start?");
        Incoming addressed = h.fake.say(group, bob, "/ask@" + FakeBotApi.BOT_USERNAME + " when did it end?");
        Incoming empty = h.fake.say(group, bob, "/ask@" + FakeBotApi.BOT_USERNAME);

        assertThat(h.fake.awaitReplyTo(bare, WAIT).visibleText()).startsWith(ScriptedChatService.ANSWER);
        assertThat(h.fake.awaitReplyTo(addressed, WAIT).visibleText()).startsWith(ScriptedChatService.ANSWER);
        assertThat(h.fake.awaitReplyTo(empty, WAIT).visibleText())
                .contains("/ask What did the minister announce?").contains(BOT);
        assertThat(h.chat.requests).extracting(ChatRequest::text)
                .containsExactly("when did it start?", "when did it end?");
    }

    @Test
    void should_pass_a_reply_to_its_answer_as_a_follow_up_of_the_earlier_question() throws IOException {
        started();
        FakeUser bob = h.user("Bob");
        FakeChat group = h.fake.group("Friends");
        Incoming first = h.fake.say(group, bob, BOT + " how many people died?");
        SentMessage answer = h.fake.awaitReplyTo(first, WAIT);

        Incoming followUp = h.fake.reply(group, bob, answer.messageId(), "and how many were injured?");
        h.fake.awaitReplyTo(followUp, WAIT);

        assertThat(h.chat.requests).hasSize(2);
        ChatRequest second = h.chat.requests.get(1);
        assertThat(second.text()).isEqualTo("and how many were injured?");
        assertThat(second.followUpOf()).isEqualTo("how many people died?");
    }

    @Test
    void should_answer_commands_from_the_templates() throws IOException {
        started();
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);

        String start = h.fake.awaitReplyTo(h.fake.say(dm, ann, "/start"), WAIT).visibleText();
        String help = h.fake.awaitReplyTo(h.fake.say(dm, ann, "/help"), WAIT).visibleText();
        String about = h.fake.awaitReplyTo(h.fake.say(dm, ann, "/about"), WAIT).visibleText();
        String sources = h.fake.awaitReplyTo(h.fake.say(dm, ann, "/sources"), WAIT).visibleText();

        assertThat(start).contains("I answer questions about the news");
        assertThat(help).contains("westgate, elections-2024").contains("mention " + BOT).contains("/ask");
        assertThat(about).contains(BOT);
        assertThat(sources).contains("What I have read (2)")
                .contains("westgate: 42 articles, newest from 2013-09-26")
                .contains("elections-2024: 118 articles, newest from an unknown date");
        assertThat(h.chat.requests).isEmpty();
    }

    @Test
    void should_split_an_overlong_answer_into_valid_messages_of_at_most_4096_characters() throws IOException {
        started();
        List<ReplySource> sources = new ArrayList<>();
        for (int n = 1; n <= 80; n++) {
            sources.add(new ReplySource(n, "Report " + n + ": a long headline about the <siege> & its aftermath",
                    "Outlet " + n, "2013-09-2" + n % 8, "https://news.example/story/" + n + "?a=1&b=2"));
        }
        String answer = "The attack began at noon and lasted for days [1]. ".repeat(120).strip();
        h.chat.script = r -> new Reply(r.text(), answer, sources, false, "westgate", false);
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);

        Incoming q = h.fake.say(dm, ann, "Tell me everything");
        h.fake.awaitRepliesTo(q, 2, WAIT);
        await().atMost(WAIT).until(() -> h.fake.repliesTo(q).stream().anyMatch(m -> m.visibleText().contains("[80] ")));
        List<SentMessage> parts = h.fake.repliesTo(q);

        assertThat(parts).allSatisfy(m -> {
            assertThat(m.isHtml()).isTrue();
            assertThat(m.visibleText().length()).isLessThanOrEqualTo(4096);
        });
        assertThat(parts.get(0).visibleText()).startsWith("The attack began at noon");
        String all = parts.stream().map(SentMessage::visibleText).collect(Collectors.joining("\n"));
        for (ReplySource s : sources) {
            String entry = "[" + s.n() + "] " + s.title() + " — " + s.outlet() + ", " + s.published();
            assertThat(parts.stream().filter(m -> m.visibleText().contains(entry))).hasSize(1);
        }
        assertThat(parts.stream().flatMap(m -> m.links().stream())).hasSize(80);
        assertThat(all).doesNotContain("Sorry");
    }

    @Test
    void should_escape_markup_in_questions_and_answers() throws IOException {
        started();
        h.chat.script = ScriptedChatService::echo;
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);

        Incoming q = h.fake.say(dm, ann, "<b>x</b> & <script>alert(1)</script>");
        SentMessage answer = h.fake.awaitReplyTo(q, WAIT);

        assertThat(answer.isHtml()).isTrue();
        assertThat(answer.visibleText()).startsWith("You asked: <b>x</b> & <script>alert(1)</script> [1].")
                .contains("[1] Echo <source> & co — Echo Times, 2024-01-02");
        assertThat(answer.rawText()).contains("&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;").doesNotContain("<script>");
        assertThat(answer.links()).containsExactly("https://example.org/a?b=1&c=2");
        assertThat(h.chat.requests.get(0).text()).isEqualTo("<b>x</b> & <script>alert(1)</script>");
    }

    @Test
    void should_tell_a_rate_limited_user_once_then_stay_silent_until_the_bucket_refills() throws IOException {
        h = new BotHarness().start(Map.of("NEWSBOT_TELEGRAM_RATE_LIMITS_PER_USER_CAPACITY", "2"));
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);

        List<Incoming> burst = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            burst.add(h.fake.say(dm, ann, "question " + i));
        }
        await().atMost(WAIT).until(() -> h.fake.isConfirmed(burst.get(4)));
        h.fake.awaitReplyTo(burst.get(2), WAIT);
        h.clock.advance(Duration.ofSeconds(30));
        Incoming later = h.fake.say(dm, ann, "question 6");
        h.fake.awaitReplyTo(later, WAIT);

        assertThat(h.fake.repliesTo(burst.get(0))).hasSize(1);
        assertThat(h.fake.repliesTo(burst.get(1))).hasSize(1);
        assertThat(h.fake.repliesTo(burst.get(2))).singleElement()
                .satisfies(m -> assertThat(m.visibleText()).startsWith("You are asking faster than I can answer")
                        .contains("about 30 seconds"));
        assertThat(h.fake.repliesTo(burst.get(3))).isEmpty();
        assertThat(h.fake.repliesTo(burst.get(4))).isEmpty();
        assertThat(h.chat.requests).extracting(ChatRequest::text)
                .containsExactly("question 1", "question 2", "question 6");
    }

    @Test
    void should_limit_a_busy_group_per_chat() throws IOException {
        h = new BotHarness().start(Map.of("NEWSBOT_TELEGRAM_RATE_LIMITS_PER_CHAT_CAPACITY", "1"));
        FakeChat group = h.fake.group("Busy");
        FakeUser a = h.user("A");
        FakeUser b = h.user("B");

        Incoming first = h.fake.say(group, a, BOT + " one?");
        Incoming second = h.fake.say(group, b, BOT + " two?");
        Incoming third = h.fake.say(group, a, BOT + " three?");
        h.fake.awaitReplyTo(second, WAIT);
        await().atMost(WAIT).until(() -> h.fake.isConfirmed(third));

        assertThat(h.fake.repliesTo(first).get(0).visibleText()).startsWith(ScriptedChatService.ANSWER);
        assertThat(h.fake.repliesTo(second).get(0).visibleText()).startsWith("You are asking faster");
        assertThat(h.fake.repliesTo(third)).isEmpty();
    }

    @Test
    void should_send_typing_before_the_answer() throws IOException {
        started();
        h.chat.script = r -> {
            sleep(300);
            return ScriptedChatService.standard(r);
        };
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);

        h.fake.awaitReplyTo(h.fake.say(dm, ann, "slow one"), WAIT);

        List<ApiCall> typing = h.fake.calls("sendChatAction");
        assertThat(typing).isNotEmpty();
        assertThat(typing.get(0).params().path("chat_id").asText()).isEqualTo(String.valueOf(dm.id()));
        List<String> order = h.fake.calls().stream().map(ApiCall::method)
                .filter(m -> m.equalsIgnoreCase("sendChatAction") || m.equalsIgnoreCase("sendMessage")).toList();
        assertThat(order.get(0)).isEqualToIgnoringCase("sendChatAction");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
