package dev.newsbot.telegram;

import dev.newsbot.ops.admin.GroupAdmins;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;

/**
 * Asks Telegram whether a user administers a group: {@code getChatMember}, status {@code creator} or
 * {@code administrator}. Failures ({@link BotApiException}) reach the caller.
 */
final class TelegramGroupAdmins implements GroupAdmins {

    private static final Set<String> ADMIN = Set.of("creator", "administrator");

    private final BotApi api;

    TelegramGroupAdmins(BotApi api) {
        this.api = api;
    }

    @Override
    public boolean isAdmin(String chatId, String userId) {
        ChatMember member = api.getChatMember(Long.parseLong(chatId), Long.parseLong(userId));
        return member != null && ADMIN.contains(member.getStatus());
    }
}
