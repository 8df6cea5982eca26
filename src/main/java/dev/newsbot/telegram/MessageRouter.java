package dev.newsbot.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides whether a message is for the bot and what it asks. In private chats every text is a question. In groups
 * the bot answers only when mentioned ({@code @username}), replied to, or given {@code /ask} (bare or addressed to
 * it); commands addressed to other bots and messages from bots are ignored. Mentions and commands are removed from
 * the question text.
 */
final class MessageRouter {

    static final Set<String> COMMANDS = Set.of("start", "help", "about", "sources", "ask", "use", "reload",
            "status", "why");
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?");

    private final long botId;
    private final String username;
    private final Pattern mention;

    MessageRouter(long botId, String username) {
        this.botId = botId;
        this.username = username;
        this.mention = Pattern.compile("(?i)(?<![\\w@])@" + Pattern.quote(username) + "(?!\\w)");
    }

    Inbound route(Message m) {
        if (m == null || m.getText() == null || m.getChat() == null) {
            return new Inbound.Ignored("no text message");
        }
        if (m.getFrom() == null || Boolean.TRUE.equals(m.getFrom().getIsBot())) {
            return new Inbound.Ignored("not from a person");
        }
        Chat chat = m.getChat();
        boolean personal = "private".equals(chat.getType());
        if (!personal && !"group".equals(chat.getType()) && !"supergroup".equals(chat.getType())) {
            return new Inbound.Ignored("chat type " + chat.getType());
        }
        Integer repliedTo = repliedToBot(m);
        Matcher command = COMMAND.matcher(m.getText());
        if (command.find() && startsWithCommandEntity(m)) {
            return command(command, m, personal, repliedTo);
        }
        if (personal || repliedTo != null || mentionsBot(m)) {
            return question(strip(m, m.getText(), 0), repliedTo);
        }
        return new Inbound.Ignored("not addressed to the bot");
    }

    private Inbound command(Matcher command, Message m, boolean personal, Integer repliedTo) {
        String target = command.group(2);
        if (target != null && !target.equalsIgnoreCase(username)) {
            return new Inbound.Ignored("command for @" + target);
        }
        String name = command.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("ask")) {
            return question(strip(m, m.getText(), command.end()), repliedTo);
        }
        if (COMMANDS.contains(name)) {
            return new Inbound.Command(name, strip(m, m.getText(), command.end()));
        }
        return personal || target != null ? new Inbound.Command("help") : new Inbound.Ignored("unknown command");
    }

    private static Inbound question(String text, Integer repliedTo) {
        return text.isBlank() ? new Inbound.Command("ask") : new Inbound.Question(text, repliedTo);
    }

    private Integer repliedToBot(Message m) {
        Message r = m.getReplyToMessage();
        return r != null && r.getFrom() != null && r.getFrom().getId() != null && r.getFrom().getId() == botId
                ? r.getMessageId() : null;
    }

    private static boolean startsWithCommandEntity(Message m) {
        List<MessageEntity> entities = m.getEntities();
        return entities == null || entities.stream()
                .anyMatch(e -> "bot_command".equals(e.getType()) && e.getOffset() != null && e.getOffset() == 0);
    }

    private boolean mentionsBot(Message m) {
        if (m.getEntities() == null) {
            return mention.matcher(m.getText()).find();
        }
        return !ourMentions(m).isEmpty();
    }

    private List<MessageEntity> ourMentions(Message m) {
        List<MessageEntity> out = new ArrayList<>();
        if (m.getEntities() != null) {
            for (MessageEntity e : m.getEntities()) {
                if ("mention".equals(e.getType()) && ("@" + username).equalsIgnoreCase(slice(m.getText(), e))) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparing(MessageEntity::getOffset).reversed());
        return out;
    }

    /** The text from {@code from} on, without mentions of the bot, tidied. */
    private String strip(Message m, String text, int from) {
        StringBuilder b = new StringBuilder(text);
        for (MessageEntity e : ourMentions(m)) {
            int start = e.getOffset();
            int end = Math.min(text.length(), start + e.getLength());
            if (start >= from && start < end) {
                b.replace(start, end, " ");
            }
        }
        String rest = b.substring(Math.min(from, b.length()));
        rest = mention.matcher(rest).replaceAll(" ");
        return rest.replaceAll("[ \\t]{2,}", " ").strip().replaceFirst("^[,:;.!\\-–—\\s]+", "").strip();
    }

    private static String slice(String text, MessageEntity e) {
        if (e.getOffset() == null || e.getLength() == null) {
            return "";
        }
        int start = Math.max(0, e.getOffset());
        int end = Math.min(text.length(), start + e.getLength());
        return start < end ? text.substring(start, end) : "";
    }
}
