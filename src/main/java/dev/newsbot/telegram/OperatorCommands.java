package dev.newsbot.telegram;

import dev.newsbot.ops.ReloadReport;
import java.util.List;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /use <set>} (anyone in a private chat; in groups only the group's administrators and the configured
 * admins), and the admin-only {@code /reload [set]}, {@code /status} and {@code /why}. Replies are plain text;
 * the caller escapes them for HTML.
 */
final class OperatorCommands {

    static final String NOT_AVAILABLE = "This command is not available on this bot.";
    static final String NOT_ALLOWED = "Sorry, you are not allowed to do that.";
    static final String ONLY_GROUP_ADMINS = "Only the group's administrators can choose its article set.";

    private final TelegramOperators operators;

    /** @param operators may be null: every command then answers {@link #NOT_AVAILABLE} */
    OperatorCommands(TelegramOperators operators) {
        this.operators = operators;
    }

    String run(Message m, String name, String args) {
        if (operators == null) {
            return NOT_AVAILABLE;
        }
        String chatId = String.valueOf(m.getChatId());
        String userId = String.valueOf(m.getFrom().getId());
        if (name.equals("use")) {
            return use(chatId, userId, "private".equals(m.getChat().getType()), args);
        }
        if (!operators.checks().isAdmin(userId)) {
            return NOT_ALLOWED;
        }
        return switch (name) {
            case "reload" -> reload(args);
            case "status" -> operators.status().render();
            default -> operators.why().forChat(chatId);
        };
    }

    private String use(String chatId, String userId, boolean privateChat, String set) {
        if (!operators.checks().mayChooseSet(chatId, userId, privateChat)) {
            return ONLY_GROUP_ADMINS;
        }
        if (set.isBlank()) {
            return "This chat uses the article set \"" + operators.chatSets().setOf(chatId)
                    + "\". Choose another with /use <set>; /sources lists them.";
        }
        try {
            operators.chatSets().use(chatId, set.strip());
            return "This chat now uses the article set \"" + set.strip() + "\".";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String reload(String set) {
        try {
            List<ReloadReport> reports = set.isBlank() ? operators.manager().reloadAll()
                    : List.of(operators.manager().reload(set.strip()));
            return reports.stream().map(ReloadReport::summary).collect(Collectors.joining("\n\n"));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
