package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.message.Message;

class MessageRouterTest {

    private static final long BOT = 777;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MessageRouter router = new MessageRouter(BOT, "news.bot+1");
    private final MessageRouter plain = new MessageRouter(BOT, "newsbot");

    @Test
    void should_treat_any_private_text_as_a_question() {
        assertThat(plain.route(message("private", "What happened in Nairobi?", false)))
                .isEqualTo(new Inbound.Question("What happened in Nairobi?", null));
    }

    @Test
    void should_ignore_group_chatter() {
        assertThat(plain.route(message("group", "lunch anyone?", false))).isInstanceOf(Inbound.Ignored.class);
        assertThat(plain.route(message("supergroup", "I read the newsbot thing", false)))
                .isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void should_answer_a_group_mention_without_the_mention() {
        ObjectNode m = messageNode("supergroup", "@NewsBot, who was arrested?", false);
        entity(m, "mention", 0, 8);

        assertThat(plain.route(parse(m))).isEqualTo(new Inbound.Question("who was arrested?", null));
    }

    @Test
    void should_strip_a_mention_in_the_middle() {
        ObjectNode m = messageNode("group", "hey @newsbot what is the toll", false);
        entity(m, "mention", 4, 8);

        assertThat(plain.route(parse(m))).isEqualTo(new Inbound.Question("hey what is the toll", null));
    }

    @Test
    void should_ignore_a_mention_of_someone_else() {
        ObjectNode m = messageNode("group", "@newsbotfan what do you think", false);
        entity(m, "mention", 0, 11);

        assertThat(plain.route(parse(m))).isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void should_answer_ask_bare_or_addressed_to_the_bot_and_ignore_other_bots() {
        assertThat(plain.route(command("group", "/ask who won?", 4))).isEqualTo(new Inbound.Question("who won?", null));
        assertThat(plain.route(command("group", "/ask@newsbot who won?", 12)))
                .isEqualTo(new Inbound.Question("who won?", null));
        assertThat(plain.route(command("group", "/ask@otherbot who won?", 13))).isInstanceOf(Inbound.Ignored.class);
        assertThat(plain.route(command("group", "/help@otherbot", 14))).isInstanceOf(Inbound.Ignored.class);
        assertThat(plain.route(command("group", "/help@NewsBot", 13))).isEqualTo(new Inbound.Command("help"));
    }

    @Test
    void should_show_usage_for_ask_without_a_question() {
        assertThat(plain.route(command("private", "/ask", 4))).isEqualTo(new Inbound.Command("ask"));
        assertThat(plain.route(command("group", "/ask@newsbot   ", 12))).isEqualTo(new Inbound.Command("ask"));
    }

    @Test
    void should_route_the_known_commands() {
        for (String c : new String[] {"start", "help", "about", "sources"}) {
            assertThat(plain.route(command("private", "/" + c, c.length() + 1))).isEqualTo(new Inbound.Command(c));
        }
        assertThat(plain.route(command("private", "/weather", 8))).isEqualTo(new Inbound.Command("help"));
        assertThat(plain.route(command("group", "/weather", 8))).isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void should_pass_the_arguments_of_operator_commands() {
        assertThat(plain.route(command("group", "/use@newsbot  sport ", 12)))
                .isEqualTo(new Inbound.Command("use", "sport"));
        assertThat(plain.route(command("private", "/reload", 7))).isEqualTo(new Inbound.Command("reload", ""));
        assertThat(plain.route(command("group", "/status", 7))).isEqualTo(new Inbound.Command("status"));
    }

    @Test
    void should_treat_a_reply_to_the_bot_as_a_follow_up() {
        ObjectNode m = messageNode("group", "and how many were injured?", false);
        ObjectNode original = messageNode("group", "Officials raised the toll to 59 [1].", false);
        original.put("message_id", 41);
        original.putObject("from").put("id", BOT).put("is_bot", true).put("first_name", "N");
        m.set("reply_to_message", original);

        assertThat(plain.route(parse(m))).isEqualTo(new Inbound.Question("and how many were injured?", 41));
    }

    @Test
    void should_ignore_a_reply_to_someone_else_in_a_group() {
        ObjectNode m = messageNode("group", "agreed", false);
        ObjectNode original = messageNode("group", "news is grim", false);
        m.set("reply_to_message", original);

        assertThat(plain.route(parse(m))).isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void should_ignore_messages_from_bots() {
        ObjectNode m = messageNode("private", "@newsbot hello", true);

        assertThat(plain.route(parse(m))).isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void should_quote_the_username_when_matching_without_entities() {
        Message m = parse(messageNode("group", "@news.bot+1 what now", false));
        Message lookalike = parse(messageNode("group", "@newsXbot+1 what now", false));

        assertThat(router.route(m)).isEqualTo(new Inbound.Question("what now", null));
        assertThat(router.route(lookalike)).isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void should_ignore_non_text_and_channel_messages() {
        ObjectNode photo = messageNode("private", "x", false);
        photo.remove("text");
        assertThat(plain.route(parse(photo))).isInstanceOf(Inbound.Ignored.class);
        assertThat(plain.route(message("channel", "@newsbot hi", false))).isInstanceOf(Inbound.Ignored.class);
        assertThat(plain.route(null)).isInstanceOf(Inbound.Ignored.class);
    }

    private static Message message(String chatType, String text, boolean fromBot) {
        return parse(messageNode(chatType, text, fromBot));
    }

    private static ObjectNode messageNode(String chatType, String text, boolean fromBot) {
        ObjectNode m = JSON.createObjectNode().put("message_id", 5).put("date", 1_714_560_000).put("text", text);
        m.putObject("chat").put("id", chatType.equals("private") ? 42 : -1001).put("type", chatType);
        m.putObject("from").put("id", 42).put("is_bot", fromBot).put("first_name", "Ann");
        return m;
    }

    private static Message command(String chatType, String text, int length) {
        ObjectNode m = messageNode(chatType, text, false);
        entity(m, "bot_command", 0, length);
        return parse(m);
    }

    private static void entity(ObjectNode m, String type, int offset, int length) {
        ArrayNode entities = m.has("entities") ? (ArrayNode) m.get("entities") : m.putArray("entities");
        entities.addObject().put("type", type).put("offset", offset).put("length", length);
    }

    private static Message parse(ObjectNode m) {
        try {
            return JSON.treeToValue(m, Message.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
