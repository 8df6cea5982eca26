package dev.newsbot.ops.admin;

/**
 * Answers whether a user administers a group chat. The Telegram front end implements it with
 * {@code getChatMember} (status {@code creator} or {@code administrator}); {@link CachedGroupAdmins} keeps the
 * answers briefly. Implementations are thread-safe and may throw when the answer cannot be had.
 */
@FunctionalInterface
public interface GroupAdmins {

    /** No one administers any group: for front ends without groups, such as the console. */
    GroupAdmins NONE = (chatId, userId) -> false;

    boolean isAdmin(String chatId, String userId);
}
