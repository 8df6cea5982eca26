package dev.newsbot.telegram;

import static dev.newsbot.telegram.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.Reply;
import dev.newsbot.telegram.fake.ApiCall;
import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Fault;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native Telegram features of issue 16, end to end through the real TelegramBots client and poller against
 * the Bot API fake: feedback buttons, edited questions, inline mode, the help's group link, languages, forum
 * topics, the greeting in new groups, the scoped menus and the descriptions.
 */
@Timeout(60)
class TelegramNativeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private BotHarness h;
    private SimpleMeterRegistry registry;

    private BotHarness started() throws IOException {
        h = new BotHarness();
        registry = new SimpleMeterRegistry();
        h.metrics = TelegramMetrics.micrometer(registry);
        h.inboxDir = home;
        h.start();
        return h;
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private double feedbackCount(String vote) {
        var c = registry.find("newsbot.feedback").tag("vote", vote).counter();
        return c == null ? 0 : c.count();
    }

    private List<JsonNode> feedbackLines() throws IOException {
        Path file = home.resolve(FeedbackLog.FILE);
        List<JsonNode> out = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void should_ask_telegram_for_edits_buttons_inline_queries_and_membership_changes() throws IOException {
        started();

        h.fake.awaitCalls("getUpdates", 1, WAIT);

        assertThat(h.fake.calls("getUpdates")).allSatisfy(c -> assertThat(c.params().path("allowed_updates")
                .toString()).isEqualTo(
                        "[\"message\",\"edited_message\",\"callback_query\",\"inline_query\",\"my_chat_member\"]"));
    }

    @Test
    void should_record_a_vote_count_it_acknowledge_it_and_let_a_second_press_replace_the_first() throws IOException {
        started();
        FakeUser alice = h.user("Alice");
        FakeChat dm = h.dm(alice);
        SentMessage answer = h.fake.awaitReplyTo(h.fake.say(dm, alice, "How many people died?"), WAIT);
        List<String> buttons = h.fake.buttons(answer);
        assertThat(buttons).hasSize(2).allSatisfy(b -> assertThat(b).matches("fb:[ud]:[A-Za-z0-9_-]{16}"));

        h.fake.press(alice, answer, buttons.get(0));
        h.fake.awaitCalls("answerCallbackQuery", 1, WAIT);
        h.fake.press(alice, answer, buttons.get(0));
        h.fake.awaitCalls("answerCallbackQuery", 2, WAIT);
        h.fake.press(alice, answer, buttons.get(1));
        List<ApiCall> acks = h.fake.awaitCalls("answerCallbackQuery", 3, WAIT);

        assertThat(acks).allSatisfy(a -> assertThat(a.params().path("text").asText())
                .isEqualTo("Thanks, your vote is recorded."));
        List<JsonNode> lines = feedbackLines();
        assertThat(lines).extracting(l -> l.path("vote").asText()).containsExactly("up", "down");
        JsonNode last = lines.get(1);
        assertThat(last.path("question").asText()).isEqualTo("How many people died?");
        assertThat(last.path("set").asText()).isEqualTo("westgate");
        assertThat(last.path("set_version").asText()).isEqualTo("v3");
        assertThat(last.path("answer").asText()).isEqualTo(ScriptedChatService.ANSWER);
        assertThat(last.path("cited_urls").toString()).isEqualTo("[\"" + ScriptedChatService.URL_1 + "\"]");
        assertThat(last.path("asked_on").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(last.path("refused").asBoolean()).isFalse();
        assertThat(last.path("user").asText()).matches("[0-9a-f]{32}").isEqualTo(lines.get(0).path("user").asText());
        assertThat(last.path("chat").asText()).matches("[0-9a-f]{32}").isNotEqualTo(last.path("user").asText());
        String raw = Files.readString(home.resolve(FeedbackLog.FILE));
        assertThat(raw).doesNotContain(String.valueOf(alice.id()));
        assertThat(Files.readString(home.resolve(FeedbackLog.SALT)).strip()).matches("[0-9a-f]{64}");
        assertThat(feedbackCount("up")).isEqualTo(1.0);
        assertThat(feedbackCount("down")).isEqualTo(1.0);
    }

    @Test
    void should_ignore_forged_callbacks_and_votes_from_another_message() throws IOException {
        started();
        FakeUser alice = h.user("Alice");
        FakeUser mallory = h.user("Mallory");
        FakeChat dm = h.dm(alice);
        SentMessage answer = h.fake.awaitReplyTo(h.fake.say(dm, alice, "How many people died?"), WAIT);
        FakeChat other = h.dm(mallory);
        SentMessage elsewhere = h.fake.awaitReplyTo(h.fake.say(other, mallory, "/about"), WAIT);
        String genuine = h.fake.buttons(answer).get(1);

        h.fake.press(alice, answer, "fb:d:AAAAAAAAAAAAAAAAAAAAAA");
        h.fake.press(alice, answer, "fb:d:AAAAAAAAAAAAAAAA");
        h.fake.press(mallory, elsewhere, genuine);
        h.fake.press(alice, answer, "delete everything");
        List<ApiCall> acks = h.fake.awaitCalls("answerCallbackQuery", 4, WAIT);

        assertThat(feedbackLines()).isEmpty();
        assertThat(feedbackCount("up") + feedbackCount("down")).isZero();
        assertThat(acks).noneSatisfy(a -> assertThat(a.params().path("text").asText()).startsWith("Thanks"));
        assertThat(h.fake.sentTo(dm)).hasSize(1);
    }

    @Test
    void should_answer_an_edited_question_again_by_editing_its_reply() throws IOException {
        started();
        h.chat.script = ScriptedChatService::echo;
        FakeUser alice = h.user("Alice");
        FakeChat dm = h.dm(alice);
        Incoming q = h.fake.say(dm, alice, "Who won the electon?");
        SentMessage first = h.fake.awaitReplyTo(q, WAIT);

        h.fake.edit(q, "Who won the election?");
        await().atMost(WAIT).until(() -> !h.fake.edits().isEmpty());

        SentMessage edited = h.fake.edits().get(0);
        assertThat(edited.messageId()).isEqualTo(first.messageId());
        assertThat(edited.visibleText()).startsWith("You asked: Who won the election? [1].");
        assertThat(h.fake.currentText(dm.id(), first.messageId())).startsWith("You asked: Who won the election?");
        assertThat(h.fake.sentTo(dm)).hasSize(1);
        assertThat(h.chat.requests).extracting(ChatRequest::text)
                .containsExactly("Who won the electon?", "Who won the election?");
        List<String> buttons = h.fake.buttons(first);
        assertThat(buttons).hasSize(2).doesNotContainAnyElementsOf(List.of(h.fake.buttons(first).get(0) + "x"));
        h.fake.press(alice, first, buttons.get(0));
        h.fake.awaitCalls("answerCallbackQuery", 1, WAIT);
        await().atMost(WAIT).until(() -> feedbackLines().size() == 1);
        assertThat(feedbackLines().get(0).path("question").asText()).isEqualTo("Who won the election?");
    }

    @Test
    void should_send_a_new_answer_when_the_old_one_cannot_be_edited() throws IOException {
        started();
        FakeUser alice = h.user("Alice");
        FakeChat dm = h.dm(alice);
        Incoming q = h.fake.say(dm, alice, "Who won?");
        h.fake.awaitReplyTo(q, WAIT);
        h.fake.failNext("editMessageText", new Fault.BadRequest("Bad Request: message can't be edited"));

        h.fake.edit(q, "Who won the vote?");
        List<SentMessage> replies = h.fake.awaitRepliesTo(q, 2, WAIT);

        assertThat(replies.get(1).visibleText()).startsWith(ScriptedChatService.ANSWER);
        assertThat(h.fake.edits()).isEmpty();
    }

    @Test
    void should_send_a_new_answer_when_the_old_one_is_older_than_48_hours() throws IOException {
        started();
        FakeUser alice = h.user("Alice");
        FakeChat dm = h.dm(alice);
        Incoming q = h.fake.say(dm, alice, "Who won?");
        h.fake.awaitReplyTo(q, WAIT);
        h.clock.advance(Duration.ofHours(49));

        h.fake.edit(q, "Who won the vote?");
        h.fake.awaitRepliesTo(q, 2, WAIT);

        assertThat(h.fake.calls("editMessageText")).isEmpty();
    }

    @Test
    void should_answer_an_inline_query_once_after_the_user_paused() throws IOException {
        started();
        FakeUser alice = h.user("Alice");

        String q1 = h.fake.inlineQuery(alice, "How many");
        String q2 = h.fake.inlineQuery(alice, "How many people");
        String q3 = h.fake.inlineQuery(alice, "How many people died?");
        long typed = System.nanoTime();
        ApiCall answer = h.fake.awaitCalls("answerInlineQuery", 1, WAIT).get(0);

        assertThat(answer.nanos() - typed).isGreaterThanOrEqualTo(InlineAnswers.PAUSE.toNanos());
        assertThat(answer.params().path("inline_query_id").asText()).isEqualTo(q3).isNotIn(q1, q2);
        JsonNode results = answer.params().path("results");
        assertThat(results).hasSize(1);
        JsonNode r = results.get(0);
        assertThat(r.path("type").asText()).isEqualTo("article");
        assertThat(r.path("title").asText()).isEqualTo("How many people died?");
        assertThat(r.path("description").asText())
                .isEqualTo("Officials raised the official death toll to 59. The siege lasted four days.");
        String message = r.path("input_message_content").path("message_text").asText();
        assertThat(message).contains(ScriptedChatService.ANSWER).contains("<b>Sources</b>")
                .contains("href=\"" + TelegramHtml.escape(ScriptedChatService.URL_1) + "\"");
        assertThat(r.path("input_message_content").path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(h.chat.requests).extracting(ChatRequest::text).containsExactly("How many people died?");
        assertThat(h.chat.requests.get(0).chatId()).isEqualTo(String.valueOf(alice.id()));

        String again = h.fake.inlineQuery(alice, "How many people died?");
        ApiCall second = h.fake.awaitCalls("answerInlineQuery", 2, WAIT).get(1);
        assertThat(second.params().path("inline_query_id").asText()).isEqualTo(again);
        assertThat(h.fake.calls("answerInlineQuery")).hasSize(2);
    }

    @Test
    void should_answer_an_inline_refusal_with_one_not_in_the_articles_result() throws IOException {
        started();
        h.chat.script = r -> new Reply(r.text(), "The loaded articles do not cover this.", List.of(), true,
                "westgate", false);
        FakeUser alice = h.user("Alice");

        h.fake.inlineQuery(alice, "Who won the 2030 world cup?");
        ApiCall answer = h.fake.awaitCalls("answerInlineQuery", 1, WAIT).get(0);

        JsonNode results = answer.params().path("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("title").asText()).isEqualTo("Not in the articles");
        assertThat(results.get(0).path("description").asText()).isEqualTo("The loaded articles do not cover this.");
    }

    @Test
    void should_show_the_startgroup_link_in_help() throws IOException {
        started();
        FakeUser alice = h.user("Alice");

        SentMessage help = h.fake.awaitReplyTo(h.fake.say(h.dm(alice), alice, "/help"), WAIT);

        assertThat(help.links()).contains("https://t.me/" + FakeBotApi.BOT_USERNAME + "?startgroup=start");
    }

    @Test
    void should_welcome_and_help_a_german_user_in_german_and_fall_back_to_english() throws IOException {
        started();
        FakeUser hans = h.fake.user("Hans", "de");
        FakeUser ana = h.fake.user("Ana", "pt-br");

        SentMessage welcome = h.fake.awaitReplyTo(h.fake.say(h.dm(hans), hans, "/start"), WAIT);
        SentMessage hilfe = h.fake.awaitReplyTo(h.fake.say(h.dm(hans), hans, "/help"), WAIT);
        SentMessage english = h.fake.awaitReplyTo(h.fake.say(h.dm(ana), ana, "/start"), WAIT);

        assertThat(welcome.visibleText()).startsWith("Hallo! Ich beantworte Fragen zu Nachrichten");
        assertThat(hilfe.visibleText()).contains("Was ich weiß").contains("@" + FakeBotApi.BOT_USERNAME);
        assertThat(english.visibleText()).startsWith("Hello! I answer questions about the news");
        SentMessage answer = h.fake.awaitReplyTo(h.fake.say(h.dm(hans), hans, "Wie viele Tote?"), WAIT);
        assertThat(answer.visibleText()).contains("\n\nQuellen\n[1] Kenya mall attack");
        h.fake.press(hans, answer, h.fake.buttons(answer).get(0));
        assertThat(h.fake.awaitCalls("answerCallbackQuery", 1, WAIT).get(0).params().path("text").asText())
                .isEqualTo("Danke, deine Bewertung ist gespeichert.");
    }

    @Test
    void should_refuse_in_the_users_language() throws IOException {
        started();
        h.chat.script = r -> new Reply(r.text(), "The loaded articles do not cover this.", List.of(), true,
                "westgate", false);
        FakeUser ivan = h.fake.user("Ivan", "ru");

        SentMessage refusal = h.fake.awaitReplyTo(h.fake.say(h.dm(ivan), ivan, "Кто выиграл?"), WAIT);

        assertThat(refusal.visibleText())
                .isEqualTo("В прочитанных мной статьях (westgate) нет ответа на этот вопрос, поэтому я не буду гадать.");
    }

    @Test
    void should_send_typing_to_the_users_forum_topic_and_answer_there() throws IOException {
        started();
        FakeUser bob = h.user("Bob");
        FakeChat forum = h.fake.forum("Newsroom");

        Incoming q = h.fake.sayInTopic(forum, bob, 77, "@" + FakeBotApi.BOT_USERNAME + " how many died?");
        h.fake.awaitReplyTo(q, WAIT);

        List<ApiCall> typing = h.fake.awaitCalls("sendChatAction", 1, WAIT);
        assertThat(typing).allSatisfy(c -> {
            assertThat(c.params().path("message_thread_id").asInt()).isEqualTo(77);
            assertThat(c.params().path("action").asText()).isEqualTo("typing");
        });
        assertThat(h.fake.calls("sendMessage")).allSatisfy(c ->
                assertThat(c.params().path("message_thread_id").asInt()).isEqualTo(77));
    }

    @Test
    void should_greet_a_group_once_when_added_even_across_restarts() throws IOException {
        started();
        FakeUser bob = h.user("Bob");
        FakeChat group = h.fake.supergroup("Newsroom");

        h.fake.addBot(group, bob);
        SentMessage hello = h.fake.awaitSent(m -> m.chatId() == group.id(), 1, WAIT).get(0);
        h.fake.removeBot(group, bob);
        h.fake.addBot(group, bob);
        Incoming sentinel = h.fake.say(group, bob, "/ask@" + FakeBotApi.BOT_USERNAME + " who?");
        h.fake.awaitReplyTo(sentinel, WAIT);
        h.bot.close();
        h.bot = h.newBot(h.settings());
        h.bot.start();
        h.fake.removeBot(group, bob);
        h.fake.addBot(group, bob);
        Incoming sentinel2 = h.fake.say(group, bob, "/ask@" + FakeBotApi.BOT_USERNAME + " who else?");
        h.fake.awaitReplyTo(sentinel2, WAIT);

        assertThat(hello.visibleText()).contains("mention @" + FakeBotApi.BOT_USERNAME).contains("/ask");
        assertThat(hello.replyTo()).isNull();
        assertThat(h.fake.sentTo(group)).filteredOn(m -> m.replyTo() == null).hasSize(1);
        assertThat(Files.readAllLines(home.resolve(Greetings.FILE))).containsExactly(String.valueOf(group.id()));
    }

    @Test
    void should_register_menus_for_groups_and_every_language_and_the_descriptions() throws IOException {
        started();

        assertThat(names(h.fake.commands("all_group_chats", null))).containsExactly("ask", "help", "sources", "use",
                "about");
        assertThat(names(h.fake.commands("default", "de"))).containsExactly("start", "help", "ask", "sources",
                "about", "use");
        assertThat(h.fake.commands("default", "de").get(0).path("description").asText())
                .isEqualTo("Mit dem Bot sprechen");
        assertThat(h.fake.menus()).contains("default|fr", "default|es", "default|ru")
                .noneMatch(m -> m.startsWith("chat:"));
        assertThat(h.fake.description(false, null)).startsWith("I answer questions about the news");
        assertThat(h.fake.description(true, null)).isEqualTo(
                "News questions answered from curated articles, with sources.");
        assertThat(h.fake.description(false, "de")).startsWith("Ich beantworte Fragen zu Nachrichten");
        assertThat(h.fake.description(true, "ru")).startsWith("Ответы на вопросы о новостях");
        assertThat(h.fake.commands("all_group_chats", "fr").get(0).path("description").asText())
                .isEqualTo("Poser une question sur l’actualité");
    }

    static List<String> names(JsonNode commands) {
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("command").asText()));
        return names;
    }
}
